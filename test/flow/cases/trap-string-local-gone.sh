set -u
# The installer pattern: the EXIT trap runs after install has returned, where its local is gone.
install() {
  local tmp
  tmp=scratch
  trap 'echo "cleaning $tmp"' EXIT  # @unsafe tmp @bash-line 1
  echo "installing into $tmp"  # @safe tmp
}
install
