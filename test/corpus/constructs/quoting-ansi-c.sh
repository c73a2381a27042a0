echo $'a\tb\nc'
echo $'it\'s'
echo $'\\' $'\'' $'"' $'\"'
echo $'\x41\101\u00e9\U0001F600\cA\e\E\a\b\f\r\v\0'
echo $'$x ${x} $(cmd) `cmd` stay literal'
echo "$'not ansi-c inside double quotes'"
echo x$'y'z $'a'$'b' $''
echo $"localized $x ${y} $(echo z)"
echo $"a \"quoted\" word" $""
echo "$"'literal'
x=$'line1\nline2' y=$"msg"
case $x in $'\n') echo newline;; $"loc") echo;; esac
[[ $x == $'\t'* ]]
echo ${x:-$'default\t'} ${x:-$"default"}
printf '%s\n' $'\''"mixed"'\'''
IFS=$' \t\n'
echo $'# not a comment' $'a b'
