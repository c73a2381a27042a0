echo ${name@Q} ${name@E} ${name@P} ${name@A} ${name@a}
echo ${name@U} ${name@u} ${name@L} ${name@K}
echo "${name@Q}" "${arr[@]@Q}" "${arr[*]@K}"
echo ${@@Q} ${*@U} ${1@L} ${10@Q}
echo ${!ref@Q} ${arr[0]@a}
eval "$(echo "${name@A}")"
printf '%s\n' "${PS1@P}"
