set -u
# @args "" "a" "a b"
[ $# -ge 1 ] || exit 1
shift
echo "$1"  # @unsafe 1
