for ((i=0;i<n;i++)); do echo $i; done
for (( i = 0; i < n; i++ )); do echo "$i"; done
for ((;;)); do break; done
for (( ; ; )); do break; done
for ((i=0;;)); do break; done
for ((;i<3;)); do ((i++)); done
for ((;;i++)); do break; done
for ((i=0, j=10; i<j; i++, j--)); do :; done
for ((i=$start; i<${end}; i+=$step)); do :; done
for ((i=0; i<${#arr[@]}; i++)); do echo "${arr[i]}"; done
for ((i=n-1; i>=0; --i)); do :; done
for ((i=1; i<=1<<4; i<<=1)); do :; done
for ((i=0; i<10; i+= (i>5 ? 2 : 1))); do :; done
for ((i=0; i<$(echo 3); i++)); do :; done
for ((i=0; i<3; i++))
do
  :
done
for ((i=0; i<3; i++)) { :; }
for ((i=0; i<3; i++)); { :; }
for ((i = 0 ; i < 2 ; a[i]=i, i++)); do :; done
for ((x=16#ff, y=2#10; x > y; x /= 2)); do :; done
for ((i=0; i<3; i++)); do for ((j=0; j<i; j++)); do :; done; done
for ((i=0;i<2;i++));do :;done
