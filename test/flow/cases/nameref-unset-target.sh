set -u
# `unset` of a nameref unsets the variable it names, the caller's.
forget() {
  local -n ref=$1
  unset ref
}
X=1
forget X
echo "$X"  # @unsafe X
