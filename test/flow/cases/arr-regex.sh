set -u
# @env W=x|y
if [[ ${W:-} =~ (x) ]]; then
  echo "${BASH_REMATCH[1]}"  # @safe BASH_REMATCH
fi
echo "${#BASH_REMATCH[@]}"  # @safe BASH_REMATCH
echo "${BASH_REMATCH[0]}"  # @unsafe BASH_REMATCH
