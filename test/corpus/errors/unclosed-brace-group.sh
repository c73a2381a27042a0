# bash -n: line 4: syntax error: unexpected end of file
# "}" after a word without ";" is an argument, so the group never closes.
{ echo a }
