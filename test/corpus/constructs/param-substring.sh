echo ${name:2} ${name:2:3} ${name:0:1}
echo ${name: -1} ${name: -3:2} ${name:(-1)} ${name:(-2):1}
echo ${name:-1}
echo ${name:i} ${name:i+1} ${name:$i:$n} ${name:${i}:${n}} ${name:i*2:n-1}
echo ${name::2} ${name:: -1}
echo ${name:1:-1} ${name:0:-2}
echo ${name:0x1} ${name:010:1}
echo ${name:$(echo 1):`echo 2`}
echo ${name:a[0]:a[1]} ${name:${#x}}
echo ${name:(1+2)*3} ${name:x?1:2:1}
echo ${@:1} ${@:1:2} ${*:2} ${@: -1}
echo ${arr[@]:1} ${arr[@]:1:2} ${arr[*]: -2}
echo "${name:1:2}" "${name: -1}"
echo ${name: 1 : 2 }
echo ${name:$((1+1))}
