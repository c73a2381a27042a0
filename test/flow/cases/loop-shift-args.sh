set -u
# @args "a" "a b"
# The argument loop of many real scripts (devscripts' whodepends): `$1` is passed on the first
# test, and `shift` takes it away before the next one.
[ $# -gt 0 ] || exit 0
while [ -n "$1" ]; do  # @unsafe 1
  shift
done
