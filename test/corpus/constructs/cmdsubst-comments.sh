x=$(echo a # comment inside
)
x=$( # comment right after the opening paren
  echo a
)
x=$(echo a # a ) in a comment does not close
)
x=$(echo a # a ( in a comment
)
x=$(
  # full-line comment
  echo a  # trailing
  # another ) with paren
)
x="$(echo a # comment inside double quotes
)"
x=$(echo a#b) y=$(echo ${#z}) z=$(echo $#)
x=$(case $y in
  a) echo a ;; # comment ) after an item
  # comment before a pattern
  b) echo b ;;
esac)
x=$(echo "# not a comment" '#' \#)
