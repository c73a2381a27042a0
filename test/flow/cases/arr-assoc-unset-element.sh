set -u
# @env GO=|v
# Unsetting an element, or assigning the whole array again, drops keys.
declare -A m=([a]=1 [b]=2)
if [ -n "${GO:-}" ]; then unset 'm[a]'; fi
echo "${m[b]}"  # @safe m
echo "${m[a]}"  # @unsafe m
m=([c]=3)
echo "${m[c]}"  # @safe m
echo "${m[b]}"  # @unsafe m
