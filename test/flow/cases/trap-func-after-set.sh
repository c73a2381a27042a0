set -u
work=x
cleanup() {
  echo "$work"  # @safe work
}
trap cleanup EXIT
