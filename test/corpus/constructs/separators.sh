echo a; echo b;echo c ;echo d
echo bg & echo fg
sleep 0 &
echo a && echo b || echo c
true&&false||true
echo one
echo two

echo after-blank-line
! false
! true || echo negated
echo x | cat | cat
echo x|cat
echo err |& cat
echo err|&cat
! echo x | grep -q y && echo none
true && ! false
{ echo a; echo b; } && { echo c; } || ( echo d ) &
echo a &&
  echo continued-after-and ||
  echo continued-after-or |
  cat
echo a; wait
for i in 1; do echo $i & done
x=1; y=2 & z=3
echo "a;b" 'c&d' a\;b a\&b a\|b
echo "$(echo a; echo b)" && echo $(true || false)
