set -u
# @env X=|v
[ -n "${X:-}" ] || X=d
echo "$X"  # @safe X
