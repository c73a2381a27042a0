set -u
. "$(dirname "$0")/missing-lib.sh"
echo "$LIB_X"  # @unsafe LIB_X
