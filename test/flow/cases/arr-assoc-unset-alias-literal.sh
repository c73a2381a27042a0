set -u
# @env K=a|b
# `unset 'map[a]'` may unset the key a variable holds.
declare -A m=([b]=2)
key=${K:-a}
m[$key]=1
unset 'm[a]'
echo "${m[$key]}"  # @unsafe m
