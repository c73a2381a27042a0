x=$(echo a)
x=$( echo a )
x=$(echo a; echo b)
x=$(
  echo multi
  echo line
)
x="$(echo "quoted inside")"
x=$(echo 'single ) paren' "double ) paren" \))
x=$(echo "$(echo "$(echo three)")")
echo $(echo a)$(echo b) pre$(echo a)post
echo "$(echo a) and $(echo b)"
x=$(echo a | tr a b && echo c || echo d)
x=$(cd / && pwd)
x=$(echo a &)
x=$(< file)
x=$(<file)
x=$( < "$f" )
x=$()
x=$( )
x=$(
)
x=$(true;)
x=$(echo ${y:-$(echo z)})
x=$(echo "${y/)/(}")
x=$(echo $((1+2)))
x=$(echo `echo bq`)
x=$(f() { echo f; }; f)
x=$(if true; then echo t; fi)
x=$(for i in 1 2; do echo $i; done)
x=$(while false; do :; done)
x=$({ echo group; })
x=$(echo a 2>&1 >/dev/null)
echo $(echo a)b"$(echo c)"
x=$(echo \$y \`z\` \\)
x=$(echo '$(' "\$(")
x=$(echo {a,b} ~ *)
