echo $(( x + 1 ))
(( x + 1 ))
let "x + 1" x+1
for (( x = 0; x < y + 1; x++ )); do :; done
a[x + 1]=v
echo ${a[x + 1]}
echo ${s:x + 1:y - 1}
echo ${s:x} ${s:x:y}
echo $[ x + 1 ]
declare -i n=x+1
[[ x+1 -eq y ]]
[[ x -lt y*2 ]]
test x -eq 1
[ x -eq 1 ]
case $(( x + 1 )) in 1) :;; esac
echo "$(( x + 1 ))" "${a[x + 1]}" "${s:x:1}"
x=$(( y )) z=${a[y]}
