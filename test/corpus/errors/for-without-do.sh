# bash -n: line 2: syntax error near unexpected token `echo'
for x in a b; echo $x; done
