# expect: bash=ok mvdan=err
# bash: accepts; a subscript is only text to the parser (blanks included, up to the matching "]"),
#   and whether it is arithmetic depends on the array's run-time type. With declare -A m these
#   set and read the keys "key with spaces" and "/path".
# mvdan-sh 0.10.1: parses every subscript that is not quoted as arithmetic and rejects:
#   "not a valid arithmetic operator: with", "/ must follow an expression", "... operator: x".
declare -A m
m[key with spaces]=v
m[/path]=p
declare -A n=([key with spaces]=v)
echo "${m[key with spaces]} ${m[/path]} ${m[@x]}"
