# bash -n: line 2: syntax error near unexpected token `done'
while true; echo a; done
