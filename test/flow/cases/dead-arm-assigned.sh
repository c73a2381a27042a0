set -u
# Code no path reaches (the else of `if true`, the right side of `false &&`): a name it assigns
# before reading it is not unset there, nor an input of the script.
if true; then
  echo on
else
  c=0
  echo "$c"  # @safe c
fi
false && {
  d=1
  echo "$d"  # @safe d
}
while false; do
  e=1
  echo "$e"  # @safe e
done
