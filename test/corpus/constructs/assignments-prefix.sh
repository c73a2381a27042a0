a=b
a=b cmd arg
a+=b
a= b=c cmd
a=$x b="$y z" c='q' d=$(echo d) e=`echo e` f=$((1+2)) cmd
a[i]=v
a[0]=v a[1]=w
a[$i+1]=v
a[i+1]+=v
a["k"]=v a['k 2']=v a[$k]=v a[${k}]=v
a[$(echo 1)]=v
LC_ALL=C sort file
IFS= read -r line
IFS=: read -ra parts <<< "$PATH"
x=1 y=$x echo "$y"
a=b >out cmd
>out a=b cmd
a=~/x b=~ c=x:~/y d=~user/z
a=*.txt
a=b=c
_a1=x __=y A_B=z
a=(x y)
a=(x "y z" $w ${v} $(echo u) [3]=t)
a=([k]=v [k2]=v2)
a=(['k 1']=v ["$k"]=v [$i+1]=v)
a+=(z)
a+=([k3]=v3)
a=()
a=(
  one
  two # comment
)
echo a=b                          # not an assignment: after the command name
"a"=b                             # not an assignment: quoted name is a command word
a\=b                              # not an assignment: escaped '='
1a=b                              # not an assignment: invalid name
a.b=c                             # not an assignment
a =b                              # command 'a' with argument '=b'
a= b                              # empty assignment, then command b
