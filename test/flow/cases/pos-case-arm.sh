set -u
# @args "" "node" "x"
f() {
  case "${1-}" in
    node | iojs) echo "$1" ;;  # @safe 1
    *) echo "other" ;;
  esac
}
f "$@"
