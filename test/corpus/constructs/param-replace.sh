echo ${name/a/b} ${name//a/b}
echo ${name/pat} ${name//pat} ${name/pat/}
echo ${name/a b/c d} ${name/"a/b"/c} ${name/a\/b/c} ${name/'/'/x}
echo ${name/*.txt/x} ${name//[0-9]/#} ${name//?/.}
echo ${name/$from/$to} ${name//${from}/${to}} ${name/"$from"/"$to"}
echo ${name/x/$(echo y)} ${name/x/`echo y`} ${name/x/$((1+2))}
echo ${name/x/\}} ${name/\}/x} ${name/x/'}'}
echo ${name/x/a/b} ${name//\//_}
echo ${name/x/&} ${name//x/\&}
echo "${name/a/b}" "${name//"/"/\\}"
echo ${arr[@]/a/b} ${arr[0]//x} ${@/a/b} ${*//x/y}
echo ${name/+([0-9])/N} ${name//@(a|b)/c}
echo ${name/x/ y } ${name/ /_}
echo ${name//$'\n'/ }
echo ${name/~/home}
