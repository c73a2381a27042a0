local a=(x y)
local a b=1 c
local -a arr=("$@")
local -r ro=$1
local -n ref=$2
local x=$y z="${w:-d}"
declare -A m=([k]=v)
declare -A m2=([k]=v ["k 2"]="v 2" [$k]=$v)
declare -a a=([0]=x [5]=y)
declare -i n=1+2
declare -i n2=n*2 n3=$n+1
declare -x -r xr=1
declare -g glob=1
declare -p m
declare -f
declare +x notexported=1
declare -- dd=1
export A=$B C
export A=$B C="$D" E
export -n A
export PATH=$PATH:/opt/bin
export "Q=quoted"
readonly -a r=(1)
readonly R=1 S
readonly -A ra=([k]=v)
typeset t=1 u=(a b)
typeset -i ti=2**3
local a+=x
declare -a arr+=(more)
declare a[1]=x
declare a[$i+1]=y
local "b=not split"
local $name=v
declare "$(echo dyn)=v"
export v=a\ b w=~/x
declare -A m3; m3[key]=val
command export ce=1
local a=(x y) && echo ok
if true; then declare z=(1 2); fi
x=$(declare -p y)
