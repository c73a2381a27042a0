# bash -n: line 4: syntax error: unexpected end of file
case $x in
  a) echo a ;;
