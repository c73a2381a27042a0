echo ${name#pre} ${name##*/} ${name%.txt} ${name%%.*}
echo ${name#} ${name##} ${name%} ${name%%}
echo ${name#"quoted*"} ${name#'single*'} ${name#\*} ${name%\/}
echo ${name#$prefix} ${name#${prefix}} ${name%"$suffix"} ${name%$(echo x)}
echo ${name#*[0-9]} ${name##+([0-9])} ${name%%@(a|b)*}
echo ${name#?} ${name%??} ${name##[![:alnum:]]}
echo ${name#a b} ${name%' '}
echo ${name#\}} ${name%'}'} ${name#"}"}
echo ${name#{} ${name%#} ${name#%} ${name%%#*}
echo "${name#*/}" "${name%/*}"
echo ${arr[@]#x} ${arr[0]%%y} ${@#-}
echo ${name#~} ${name#~/}
echo ${name#$'\t'}
