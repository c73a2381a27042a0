set -u
# A call of a function before its definition has run is bash's `command not found`: it assigns
# nothing. On the script's top level, outside loops, nounset sees that the definition comes later.
f 2>/dev/null
f() { X=1; }
( echo "$X" )  # @unsafe X
for i in 1 2; do
  g 2>/dev/null
  g() { Y=1; }
done
echo "$Y"  # @safe Y
