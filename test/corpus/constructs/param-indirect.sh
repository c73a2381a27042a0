echo ${!name}
echo ${!prefix*}
echo ${!prefix@}
echo "${!prefix@}" "${!prefix*}"
echo ${!arr[@]} ${!arr[*]} "${!arr[@]}"
echo ${!1} ${!#} ${!10}
echo ${!name:-d} ${!name#x} ${!name/a/b} ${!name:1:2} ${!name^^} ${!name@Q}
echo ${!ref[0]} ${!ref[i]}
echo ${!BASH_*} ${!_x@}
echo ${!}
