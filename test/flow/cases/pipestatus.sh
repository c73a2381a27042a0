set -u
# bash sets PIPESTATUS once a command has completed (a function definition runs nothing): element
# 0 is there after any command, the others only right after a pipeline that long.
report() { echo "last: ${PIPESTATUS[0]}"; }  # @safe PIPESTATUS
echo build | cat
rc=${PIPESTATUS[0]}  # @safe PIPESTATUS
( echo "${PIPESTATUS[1]}" )  # @unsafe PIPESTATUS
report
