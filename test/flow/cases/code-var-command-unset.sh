set -u
# A command word that is a variable runs what the variable holds: unquoted, its value split
# (`$h` with h="unset A", and `$k B` with k=unset), quoted, its whole value ("$q" C with q=unset).
# "$r" with r="unset D" runs a command named `unset D`, which does not exist, and `unset -f`
# removes functions only.
A=1
B=1
C=1
D=1
h="unset A"
k=unset
q=unset
r="unset D"
$h
( echo "$A" )  # @unsafe A
$k B
( echo "$B" )  # @unsafe B
"$q" C
( echo "$C" )  # @unsafe C
"$r" 2>/dev/null
echo "$D"  # @safe D
E=1
f="unset -f E"
$f
echo "$E"  # @safe E
