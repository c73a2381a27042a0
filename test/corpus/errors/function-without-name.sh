# bash -n: line 2: syntax error near unexpected token `:'
function { :; }
