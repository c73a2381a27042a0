# bash -n: line 2: syntax error near unexpected token `('
echo a=(x)
