set -u
# `trap "$h" USR1`: the handler is the code h holds when the trap is set; h names a function,
# which may run at any later point and unsets Z.
Z=1
drop() { unset Z; }
h=drop
trap "$h" USR1
kill -USR1 $$
echo "$Z"  # @unsafe Z
