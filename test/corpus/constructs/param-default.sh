echo ${x-def} ${x:-def} ${x=def} ${x:=def} ${x+alt} ${x:+alt} ${x?msg} ${x:?msg}
echo ${x-} ${x:-} ${x=} ${x:=} ${x+} ${x:+} ${x?} ${x:?}
echo ${x:-"double quoted $y"} ${x:-'single quoted $y'} ${x:-$'ansi\t'} ${x:-$"loc"}
echo ${x:-a b c} ${x:-"a b" 'c d' e}
echo ${x:-it\'s} ${x:-"it's"} ${x:-'a"b'} ${x:-\"}
echo ${x:-$y} ${x:-${y}} ${x:-${y:-${z:-deep}}} ${x:+${y:+both}}
echo ${x:-$(echo cmd)} ${x:-`echo bq`} ${x:-$((1+2))} ${x:-"$(echo "q")"}
echo ${x:-\}} ${x:-'}'} ${x:-"}"} ${x:-a\}b}
echo ${x:-{}} ${x:-{a,b}} ${x:-~} ${x:-~/dir} ${x:-*.txt}
echo ${x:?"error: $y is not set"} ${x?'unset'}
echo "${x:-"nested "quotes" inside"}" "${x:-'kept literally in dquotes'}"
echo ${x:-#} ${x:-%} ${x:-/} ${x:-:} ${x:--} ${x:-=}
echo ${arr[0]:-d} ${arr[@]:-d} ${map[$k]:=v} ${1:-d} ${@:-d} ${#:-0}
: ${x:=default} "${y:=$x}"
echo ${x-$'a\'b'}
echo ${x:-line1
line2}
