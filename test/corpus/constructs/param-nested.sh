echo ${x:-${y:-${z}}}
echo ${x/${a}/${b}} ${x#${p}} ${x%${s%.*}}
echo ${x:${off}:${len}} ${x:${#y}} ${arr[${i}]} ${arr[${#arr[@]}-1]}
echo ${x:-$(echo ${y:-$(echo deep)})}
echo "${x:-"${y:-"$z"}"}"
echo ${!ref:-${other}}
echo ${x:-`echo \`echo nested\``}
echo ${x/$(echo a)/$(echo b)}
echo ${x:-$((${y:-1} + ${#z}))}
echo "$(echo "${x:-"$(echo "${y}")"}")"
echo ${x:+${y/a/b}} ${x:=${y^^}}
echo ${x:-a}${y:-b}"${z:-c}"
echo ${x#"${y%/}"} ${x/"${a}"/"${b}"}
echo ${x:-${y:-'}'}} ${x:-"${y:-\}}"}
