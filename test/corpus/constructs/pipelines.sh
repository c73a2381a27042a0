ls | wc -l
ls -l | grep x | sort -r | head -n 1
echo out 2>&1 | cat
echo both |& cat -n
echo x | while read -r l; do echo "$l"; done
echo x | { read -r v; echo "$v"; }
echo x | ( cat )
! echo x | cat
echo a |
  cat |
  cat
echo a | tee >(cat) | cat
if echo a | grep -q a; then echo found; fi
echo a | cat > /dev/null 2>&1 &
echo $(echo a | tr a b) "`echo a | tr a b`"
f() { cat; } | cat
case x in x) echo;; esac | cat
for i in 1 2; do echo $i; done | sort
echo a \
  | cat \
  | cat
echo a |& cat |& cat
