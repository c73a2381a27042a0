echo $name ${name}
echo $a_b $_a $A1 $a1b2
echo $x.y $x-y $x:y $x/y $x,y $x+y $x=y $x@y $x%y $x^y
echo ${x}y ${x}_y $x_y
echo $x$y ${x}${y} "$x$y"
echo x$y x${y}z
echo $ $. $% $, $= $/ $:
echo $x[0] ${x}[0]
echo $x{a,b}
echo "$x"'$y'
echo ${VeryLongName_With_123}
