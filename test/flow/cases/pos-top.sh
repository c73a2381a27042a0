set -u
# @args "" "a"
echo "$1"  # @unsafe 1
