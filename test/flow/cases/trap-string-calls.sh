set -u
# @env GO
report() {
  echo "status: $1"  # @safe 1
}
done_msg=finished
trap 'report "$done_msg"; echo "$extra"' EXIT  # @safe done_msg @unsafe extra @bash-line 1
[ -n "${GO:-}" ] || exit 0
extra=more
