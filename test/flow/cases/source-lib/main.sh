set -u
. "$(dirname "$0")/lib.sh"
echo "$LIB_X"  # @safe LIB_X
