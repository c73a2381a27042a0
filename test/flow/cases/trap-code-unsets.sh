set -u
# Trap code with no expansion in it still runs: `unset Y` in a handler may run at any later point.
Y=1
trap "unset Y" USR1
kill -USR1 $$
echo "$Y"  # @unsafe Y
