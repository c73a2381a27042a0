echo ${name[idx]} ${name[0]} ${name[-1]}
echo ${name[@]} ${name[*]} "${name[@]}" "${name[*]}"
echo ${a[$i]} ${a[${i}]} ${a[i+1]} ${a[$i+1]} ${a[i*2-1]} ${a[(i+1)%3]}
echo ${a["key"]} ${a['key']} ${a[$k]} ${a["$k"]}
echo ${a[$(echo 1)]} ${a[`echo 1`]} ${a[${#b[@]}-1]}
echo ${a[@]:1} ${a[@]:1:2} ${a[*]:0:1}
echo ${a[0]:-d} ${a[1]#x} ${a[@]%y} ${a[@]/x/y} ${a[@]^} ${a[i]@Q}
echo ${a[@]:-none} "${a[@]:+set}"
echo ${a[a[0]]} ${a[b[1]+c[2]]}
echo $a[0] "${a}" ${a}
echo ${map[k]} ${map[$k]:-} ${map["$k"]+x}
echo ${a[ 1 ]} ${a[ i ]}
echo ${a[-1]:0:1}
