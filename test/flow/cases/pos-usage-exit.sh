set -u
# @args "" "a"
usage() {
  echo "usage: $0 FILE" >&2
  exit 2
}
[ $# -ge 1 ] || usage
echo "$1"  # @safe 1
