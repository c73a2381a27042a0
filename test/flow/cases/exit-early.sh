set -u
# @env X
if [ -z "${X:-}" ]; then
  echo "X is not set" >&2
  exit 1
fi
echo "$X"  # @safe X
