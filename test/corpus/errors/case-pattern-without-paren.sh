# bash -n: line 2: syntax error near unexpected token `echo'
case $x in a echo a;; esac
