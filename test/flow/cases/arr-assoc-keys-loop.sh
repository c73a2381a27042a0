set -u
# Looping over the keys, or over words that are all keys, reads elements that are there.
declare -A m=([a]=1 [b]=2)
for k in "${!m[@]}"; do
  echo "${m[$k]}"  # @safe m
done
for t in a b; do
  echo "${m[$t]}"  # @safe m
done
for t in a c; do
  echo "${m[$t]}"  # @unsafe m
done
