set -u
# A function of a sourced library unsets X after the script assigned it.
. "$(dirname "$0")/lib.sh"
X=1
clear_x
echo "$X"  # @unsafe X
