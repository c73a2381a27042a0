# bash -n: line 2: syntax error near unexpected token `then'
if then :; fi
