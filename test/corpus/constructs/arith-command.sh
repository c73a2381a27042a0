(( x = 1 ))
((x++))
(( x > 1 )) && echo big
(( !x )) || echo nonzero
((x)); ((0))
(( a[i] = i * 2 ))
(( a[$i] += 1, b[i+1]-- ))
(( ${x} + $y + ${#z} ))
(( x = $(echo 3) + `echo 4` ))
(( x == 1 ? y : z ))
((
  x = 1 +
  2
))
(( x )) > out 2>&1
! (( x ))
if (( x < 10 && y >= 2 || !z )); then :; fi
while (( x-- > 0 )); do :; done
(( "x" + 1 ))
(( 'x' )) 2>/dev/null || :
(( x = "$y" * 2 ))
((x=1,y=2))
(( x = 1 )) ; (( y = 2 ))
((x=16#ff))
