set -u
f() {
  local x
  echo "$x"  # @unsafe x
}
f
