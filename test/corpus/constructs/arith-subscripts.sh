a[i+1]=v
a[$i+1]=v
a[i*2-1]=v a[(i+1)%n]=w
a[${#a[@]}]=last
a[a[0]]=nested
echo ${a[i+1]} ${a[$i+1]} ${a[i++]} ${a[-1]} ${a[n-1]}
echo ${a[$((i+1))]} ${a[$(echo 1)]}
echo $(( a[i] + a[i+1] * a[a[0]] ))
(( a[i] = a[i-1] + a[i-2] ))
(( a[$i] += 1 ))
let a[i]=1 "a[i+1] = 2"
for ((i=0; i<n; i++)); do (( s += a[i] )); done
declare -a b=([i+1]=x [2*3]=y)
echo ${a[ i + 1 ]} ${#a[i]} ${!a[@]}
unset 'a[i+1]' a[0]
read -r 'a[i]' < /dev/null
[[ -v a[i+1] ]]
[[ a[0] -eq a[1] ]]
