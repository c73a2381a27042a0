set -u
show() {
  echo "$V"  # @unsafe V
}
withlocal() {
  local V=1
  show
}
withlocal
show
