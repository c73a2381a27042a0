set -u
set -e
# @env X
[ -n "${X:-}" ]
echo "$X"  # @safe X
