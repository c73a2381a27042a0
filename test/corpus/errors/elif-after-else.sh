# bash -n: line 2: syntax error near unexpected token `elif'
if true; then :; else :; elif true; then :; fi
