echo \$x \${x} \$\(echo\) \`echo\`
echo \" \' \\ \  \\\\ \\\$x
echo a\ b\ c
echo \a\b\c\n\t
echo \# \; \& \| \< \> \( \) \{ \} \* \? \[ \] \~ \! \=
echo "\$x \"quoted\" \\ \` \a \n \' "
echo "\
"
echo '\$x \\ \' "'"
x=\$y y=a\ b z=\\
echo \\$x \\\\$x
echo "\\$x" "\\\$x"
echo $x\$y ${x}\${y}
echo \
echo -\e -\n
echo x\
y
echo \$\(\( 1 + 2 \)\)
echo ~\/x \~/x
case \* in \*) echo;; esac
[[ a\ b == "a b" ]]
echo $\x "$\x" \$\$
echo "a\b" "a\\b" "a\$b" "a\`b" "a\"b"
