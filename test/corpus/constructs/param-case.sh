echo ${name^} ${name^^} ${name,} ${name,,}
echo ${name^[aeiou]} ${name^^[a-m]} ${name,[A-Z]} ${name,,[[:upper:]]}
echo ${name^a} ${name^^x} ${name,Q} ${name,,?}
echo ${name^*} ${name^^"a"} ${name,,$p} ${name^^@(a|b)}
echo "${name^}" "${name^^}" "${name,,}"
echo ${arr[@]^} ${arr[0]^^} ${@,,} ${*^}
