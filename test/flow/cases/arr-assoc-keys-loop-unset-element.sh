set -u
# A key the loop listed may be gone once the body unsets an element, whatever its spelling.
declare -A p=([a]=1 [b]=2)
for k in "${!p[@]}"; do
  echo "${p[$k]}"  # @unsafe p
  unset 'p[a]' 'p[b]'
done
