echo a > out
echo a >out
echo a >> out
echo a >| out
cat < in
cat <> rw
cat 0<>rw
echo a >&2
echo a 1>&2
echo a 2>&1
cat <&3
cat 0<&3
exec 3<&-
exec 3>&-
exec 4<&3-
exec 5>&4-
echo a &> out
echo a &>> out
echo a >& out
echo a 2> err 1> out
echo a 2>/dev/null >/dev/null
> out echo a
2>/dev/null echo a
< in > out cat
echo > out a b
echo a >out b >>out2 c
cat <"$f" >"${g}.out" 2>"$(echo err)"
cat < "file name" > 'other file'
echo a 10>out 9<in
echo a 2>&-
echo a >&"$fd" <&"$fd"
echo a 1>&2-
cat <<< word
exec 3<> /dev/null
echo a >out$x >${y}z
echo 2>out a2>out 2 >out
echo a>out b<in
> truncate-only
>>append-only
< in
