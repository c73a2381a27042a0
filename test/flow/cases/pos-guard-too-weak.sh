set -u
# @args "" "a" "a b"
[ $# -ge 1 ] || exit 1
echo "$1"  # @safe 1
echo "$2"  # @unsafe 2
