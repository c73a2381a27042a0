set -u
# @env X
if declare -p X >/dev/null 2>&1; then
  echo "$X"  # @safe X
fi
