diff <(sort a) <(sort b)
cat <(echo a)
echo a > >(cat)
echo a >(cat) <(cat)
tee >(wc -l) >(cat > /dev/null) < /dev/null
while read -r l; do :; done < <(echo a; echo b)
cat < <(echo a)
paste <(echo "$x") <(echo ${y:-d}) <(echo $(echo z))
cmd <( (echo sub) ) <({ echo group; })
cat <(
  echo multi
  echo line
)
cat <(echo ')') <(echo "(")
x=<(echo a)
echo pre<(echo a)post
cat <(cat <(echo nested))
exec 3< <(echo fd)
echo a 2> >(cat >&2)
echo "<(not)" '>(not)'
cat <(echo a # comment
)
