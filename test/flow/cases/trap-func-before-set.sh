set -u
# @env GO
cleanup() {
  echo "$work"  # @unsafe work
}
trap cleanup EXIT
[ -n "${GO:-}" ] || exit 1
work=x
