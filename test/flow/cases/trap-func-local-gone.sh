set -u
# A trap set inside a function runs its handler after the function has returned: its caller's
# local is gone then (and its own: trap-string-local-gone).
cleanup() {
  echo "removing $outer"  # @unsafe outer
}
setup() {
  local work=scratch
  trap cleanup EXIT
  echo "set up $work $outer"  # @safe work @safe outer
}
main() {
  local outer=kept
  setup
}
main
