set -u
# `local -A` makes a new, empty array in the function.
f() {
  local -A seen=([x]=1)
  echo "${seen[x]}"  # @safe seen
  local -A other
  echo "${other[x]}"  # @unsafe other
}
f
