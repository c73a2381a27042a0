set -u
# @env K=a|b
# An associative array's element is set only for the keys the script gave it.
declare -A m=([a]=1)
echo "${m[a]}"  # @safe m
key=${K:-a}
echo "${m[$key]}"  # @unsafe m
if [ -z "${K:-}" ]; then
  echo "${m[b]}"  # @unsafe m
fi
