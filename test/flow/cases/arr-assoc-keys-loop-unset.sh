set -u
# The keys are listed before the first pass: an element the loop unsets may be a key still to come.
declare -A m=([a]=1 [b]=2)
for k in "${!m[@]}"; do
  echo "${m[$k]}"  # @unsafe m
  m=()
done
declare -A n=([a]=1 [b]=2)
for k in "${!n[@]}"; do
  echo "${n[$k]}"  # @safe n
  n[c]=3
done
