set -u
# @env X=|v
quoted() {
  echo "$1"  # @safe 1
}
unquoted() {
  echo "$1"  # @unsafe 1
}
quoted "${X:-}"
unquoted ${X:-}
