set -u
# @args "" "a" "a b"
[ $# -ge 2 ] || exit 1
shift
echo "$1"  # @safe 1
