# expect: bash=ok mvdan=err
# bash: accepts; an empty length means 0 (${x:1:} and ${x::} expand to ""), and a based number
#   such as 16#a is fine in an offset/length (x=abcdefghijklmnop: ${x:16#a:2#11} is "klm").
# mvdan-sh 0.10.1: rejects, ": must be followed by an expression" and
#   "reached # without matching ${ with }" (only in a slice: $((16#a)) and ${a[16#a]} are fine).
echo ${x:1:} ${x::}
echo ${x:16#a:2#11} ${x:1:2#11}
