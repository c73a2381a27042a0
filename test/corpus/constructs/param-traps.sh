echo ${A:=qwer-zxcv}
echo "$A  $B"
echo $FOO/$BAR/
echo $DIR/x/$1
echo $10
echo $A-$B $A:$B $A.$B "$A"-"$B" "${A}${B}"
echo "$A"$B'$C'"${D}"
echo ${A:-qwer-zxcv} ${A:+B-C} ${A:?D-E}
echo $A_B ${A}_B $A__ ${A}-B
echo "$A	$B" "  $A  " "$A$B"
echo $HOME/.config/$APP/$1/$2 ${HOME}/x
echo ~/$X ~$USER/x
echo "$@"/x "$*"x $#x
echo $$ $$x $$$
echo ${A:=x}${B:=y}
echo $A=$B ${A}=${B}
echo "$A\$B" '$A' "\$A\\$B"
echo prefix$A$B${C}suffix
echo ${A-x-y-z} ${A:-'-'} ${A:-"-"}
