# bash -n: line 4: syntax error: unexpected end of file
if true; then
  echo a
