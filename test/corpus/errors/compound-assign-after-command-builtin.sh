# placeholder
# Only a declaration builtin in command position takes NAME=(...): after "command" or "builtin" the
# "(" is an ordinary operator token.
command declare a=(x y)
