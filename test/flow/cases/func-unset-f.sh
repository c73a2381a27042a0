set -u
# `unset -f f`: a later call of f is `command not found`, and what f assigns may not be assigned.
# A call before it, on the top level, runs f.
init() { A=1; }
init
unset -f init
echo "$A"  # @safe A
f() { Y=1; }
[ -n "${KEEP:-}" ] || unset -f f
f 2>/dev/null
echo "$Y"  # @unsafe Y
