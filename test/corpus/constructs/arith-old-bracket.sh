echo $[1 + 2]
echo $[ x * 2 ]
echo $[$x + ${y}]
echo "$[1+1]"
echo $[a[0] + 1]
echo $[ (1 + 2) * 3 ]
echo $[x++] $[x = 3] $[x ? 1 : 2]
x=$[y] z=pre$[1]post
echo $[ $[1] + 1 ]
echo $[16#ff]
