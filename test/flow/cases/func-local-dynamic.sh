set -u
show() {
  echo "$V"  # @safe V
}
run() {
  local V=inner
  show
}
run
