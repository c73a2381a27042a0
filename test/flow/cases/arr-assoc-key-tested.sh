set -u
# @env K=a|b
# A test that the element is set guards the read; a key variable assigned again names another.
declare -A m=([a]=1)
key=${K:-b}
if [[ -v m[$key] ]]; then
  echo "${m[$key]}"  # @safe m
fi
[ -n "${m[$key]+x}" ] && echo "${m[$key]}"  # @safe m
k=a
m[$k]=1
echo "${m[$k]}"  # @safe m
k=z
echo "${m[$k]}"  # @unsafe m
