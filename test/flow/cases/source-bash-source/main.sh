set -u
source "${BASH_SOURCE%/*}/lib.sh"
echo "$LIB_X"  # @safe LIB_X
