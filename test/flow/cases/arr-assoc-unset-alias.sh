set -u
# @env K=a|b
# `unset 'map[$key]'` may unset a key the script writes literally.
declare -A m=([a]=1 [b]=2)
key=${K:-a}
unset 'm[$key]'
echo "${m[a]}"  # @unsafe m
