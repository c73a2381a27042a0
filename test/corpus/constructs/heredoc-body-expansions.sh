F=/tmp/file
cat <<EOF
simple $x and braced ${x} and ${x:-default} and ${#x}
command $(echo cmd) and backquotes `echo bq` and arith $((1 + 2))
escaped \$x is literal, \\ is one backslash, \` is a backquote
a lone \ before other chars stays: \n \t \"quotes\" 'single' "double"
    $F
  ${F}/sub and $F/x
$F at column 0, $1 $10 ${10} $@ $* $# $? $$ $! $- $0 $_
"$x" '$x' are both expanded: quotes are literal in a heredoc
${arr[@]} ${arr[$i+1]} ${x/a/b} ${x#*/}
$(cat <<INNER
nested heredoc inside a substitution inside a heredoc: $y
INNER
)
$ alone, $% and $. are literal, trailing dollar $
$(( x += 1 )) $[ 1 + 1 ]
\
line continuation above joins this line
EOF
cat <<"EOF"
    $F
same text, quoted delimiter: nothing above or here expands: $x ${x} $(cmd) `cmd` \$ \\
EOF
