set -u
# @env LOG=/dev/null|/nonexistent/dir/log
# bash runs no command whose redirection fails, a function, `eval`, `source` or `exit` too: the
# function assigns nothing, and the script goes on past the `exit`. Where the command ran (the
# first redirection to a file that is always there, or the test that passed), it did.
setup() { CONF=1; }
setup > "${LOG:-/nonexistent/dir/log}" 2>/dev/null
( echo "$CONF" )  # @unsafe CONF
eval 'EV=1' > "${LOG:-/nonexistent/dir/log}" 2>/dev/null
( echo "$EV" )  # @unsafe EV
[ -n "${DONE:-}" ] || exit 0 > "${LOG:-/nonexistent/dir/log}" 2>/dev/null
( echo "$DONE" )  # @unsafe DONE
setup_always() { ALWAYS=1; }
setup_always > /dev/null
echo "$ALWAYS"  # @safe ALWAYS
# `{fd}<file` names the descriptor bash opened: none when the file is missing.
exec {fd}< "${LOG:-/nonexistent/dir/log}" 2>/dev/null || true
( echo "$fd" )  # @unsafe fd
exec {null}< /dev/null
echo "$null"  # @safe null
