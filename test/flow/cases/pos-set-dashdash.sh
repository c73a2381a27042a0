set -u
set -- a b
echo "$2"  # @safe 2
echo "$3"  # @unsafe 3
