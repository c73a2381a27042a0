# bash -n: line 3: syntax error: unexpected end of file
echo a &&
