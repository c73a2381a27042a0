echo ${#name} ${#name[@]} ${#name[*]} ${#name[0]} ${#name[i+1]} ${#name[$k]}
echo ${#} ${#@} ${#*} ${#1} ${#10}
echo ${##} ${#?} ${#-} ${#$} ${#!} ${#_} ${#0}
echo "${#x}" "${#arr[@]}"
echo $((${#x} + 1)) $(( ${#arr[@]} - 1 ))
echo ${#x}y x${#x}
[[ ${#x} -gt 3 ]]
for ((i=0; i<${#s}; i++)); do :; done
echo ${#map["key"]}
