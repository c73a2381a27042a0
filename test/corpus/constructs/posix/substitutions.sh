x=$(echo a) y=`echo b` z=$((1 + 2))
x=$(echo $(echo nested))
x="$(echo "quoted")"
x=`echo \`echo nested\``
x=`echo \$HOME \\\\`
x=$( (echo sub) )
x=$(echo a # comment
)
x=$((x + ${y} + $1))
echo $(( (1 + 2) * 3 )) $(( x ? 1 : 0 )) $(( x += 1 ))
echo $(( 010 )) $(( 0x1f ))
