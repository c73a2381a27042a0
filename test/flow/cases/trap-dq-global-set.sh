set -u
# @env GO
# A global assigned before the trap is set, read by the handler at exit: set there. A name the
# handler reads that only a later line assigns is unset when the script exits early.
work=scratch
trap "echo \"removing \${work}\"; echo \$extra" EXIT  # @safe work @unsafe extra @bash-line 1
[ -n "${GO:-}" ] || exit 0
extra=more
