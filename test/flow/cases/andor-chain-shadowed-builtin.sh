set -u
# @env A B
# A function named echo can unset a name a link before it showed set: the links after it start
# from where it ran, and a later test does not bring back what the echo function undid.
echo() { unset A; }
[ -n "${A:-}" ] && echo hi && [ -n "${B:-}" ] && printf '%s\n' "$A"  # @unsafe A @safe B
[ -n "${A:-}" ] && [ -n "${B:-}" ] && printf '%s\n' "$A $B"  # @safe A B
