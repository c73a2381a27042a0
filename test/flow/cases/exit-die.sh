set -u
# @env X
die() {
  echo "$*" >&2
  exit 1
}
[ -n "${X:-}" ] || die "no X"
echo "$X"  # @safe X
