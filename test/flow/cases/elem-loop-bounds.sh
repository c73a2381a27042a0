set -u
# Loops bounded by the array's length, or over its keys, read elements that are there.
a=(x y z)
for ((i = 0; i < ${#a[@]}; i++)); do
  echo "${a[i]}"  # @safe a i
done
for ((i = ${#a[@]} - 1; i >= 0; i--)); do
  echo "${a[$i]}"  # @safe a i
done
for k in "${!a[@]}"; do
  echo "${a[$k]}"  # @safe a k
done
for ((i = 0; i < ${#a[@]} - 1; i++)); do
  echo "${a[i + 1]}"  # @safe a i
done
for ((i = 0; i < ${#a[@]}; i++)); do
  ( echo "${a[i + 1]}" )  # @unsafe a @safe i
done
