set -u
# @args "" "a"
main() {
  echo "$1"  # @safe 1
}
[ $# -ge 1 ] || exit 1
main "$@"
