let x=1
let x=1 y=2
let "x = 1" 'y = 2'
let x+=1 y-=1 "z *= 2"
let x++ ++y "--z"
let "x = a > b ? a : b"
let x=16#ff y=0x10 z=2#101
let 'x = (1 + 2) * 3'
let x=$y+1 "x = ${y} + $1"
let x=$(echo 1)+1
let "x = $((1 + 2)) + 1"
let a[0]=1 'a[i+1] = 2'
let x=y
let "x<<=1" "x>>=1" 'x&=1' "x|=2" 'x^=3'
let !x ~x -x
let x==1 || let 'x != 1'
let x=1; let y=2
if let "x > 0"; then :; fi
