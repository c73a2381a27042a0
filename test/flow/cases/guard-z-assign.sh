set -u
# @env X=|v
if [ -z "${X:-}" ]; then
  X=d
fi
echo "$X"  # @safe X
