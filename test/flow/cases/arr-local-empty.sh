set -u
f() {
  local -a a=()
  echo "${#a[@]}"  # @safe a
  ( echo "$a" )  # @unsafe a
  local -a e
  ( echo "${#e[@]}" )  # @unsafe e
}
f
