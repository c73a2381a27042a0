set -u
# @env X
warn() {
  echo "$*" >&2
  return 1
}
[ -n "${X:-}" ] || warn "no X"
echo "$X"  # @unsafe X
