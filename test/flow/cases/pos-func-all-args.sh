set -u
# @args "" "a"
f() {
  echo "$1"  # @unsafe 1
}
f "$@"
