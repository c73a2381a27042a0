set -u
# After an element is unset, the length counts fewer than the last index.
a=(x y z)
unset 'a[1]'
for ((i = 0; i < ${#a[@]}; i++)); do
  ( echo "${a[i]}" )  # @unsafe a @safe i
done
