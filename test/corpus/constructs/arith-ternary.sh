(( x = a ? b : c ))
(( x = a ? b ? c : d : e ))
(( x = a ? b : c ? d : e ))
(( x = (a > b) ? a : b ))
(( x = a ? (b, c) : d ))
(( x = a ? y = 1 : (y = 2) ))
(( a ? x++ : x-- ))
echo $(( x > 0 ? x : -x )) $((a?b:c))
echo ${s:a?1:2:b?3:4}
for ((i = n > 0 ? n : 1; i > 0; i--)); do :; done
let "x = a ? b : c"
arr[a ? 1 : 0]=v
echo ${arr[a ? 1 : 0]}
