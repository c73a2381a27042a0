# bash -n: line 4: syntax error near unexpected token `('
# Only a declaration builtin in command position takes NAME=(...): after "command" or "builtin" the
# "(" is an ordinary operator token.
command declare a=(x y)
