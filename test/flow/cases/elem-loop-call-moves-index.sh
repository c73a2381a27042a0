set -u
# A function the loop's body calls may move the index (bash's dynamic scoping), unless the index
# is its own local; `declare -g` in it is the caller's global.
opts=(-v -o)
skip() { i=5; }
for ((i = 0; i < ${#opts[@]}; i++)); do
  skip
  ( echo "${opts[i]}" )  # @unsafe opts @safe i
done
count() { local i; for ((i = 0; i < 9; i++)); do :; done; }
for ((i = 0; i < ${#opts[@]}; i++)); do
  count
  echo "${opts[i]}"  # @safe opts i
done
setg() { declare -g i=5; }
for ((i = 0; i < ${#opts[@]}; i++)); do
  setg
  ( echo "${opts[i]}" )  # @unsafe opts @safe i
done
