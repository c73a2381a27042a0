set -u
# @env X
[[ -v X ]] && echo "$X"  # @safe X
if [[ -v X ]]; then
  echo "$X"  # @safe X
fi
