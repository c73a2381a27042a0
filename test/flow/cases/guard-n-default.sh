set -u
# @env X=|v
[ -n "${X:-}" ] && echo "$X"  # @safe X
