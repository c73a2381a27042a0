echo 'single $x ${x} $(cmd) `cmd` \ "double" # not a comment'
echo "double $x ${x} $(echo cmd) `echo bq` $((1+2)) 'single' # not a comment"
echo 'a'"b"'c' "a"'b'"c" a'b'c a"b"c
echo '' "" ''"" x''y x""y
echo "$x" "${x}" "$x$y" "${x}y" "x${y}z" "$1" "$@" "$*" "${arr[@]}" "${arr[*]}"
echo "$(echo "nested "double" quotes")"
echo "$(echo 'single in cmd in double')"
echo "`echo "quotes in backquotes in double"`"
echo "${x:-"quoted default"}" "${x:-'single default'}" "${x:+"$y"}"
echo "a
multi-line
b"
echo 'a
multi-line single
b'
echo "$" "$ x" "x$" "a$\"b"
echo "{a,b}" '{1..3}' "~" "*" '?'
echo "$((1 + "2"))"
echo "${#x}" "${x#"a"}" "${x%'b'}"
echo "'" '"' "\"" "'\''"
echo ""''""''
x="a b" y='c d' z="$x $y"
echo "	tab inside	"
echo "$x"'$x'"$x"
echo "${x/"a"/'b'}"
