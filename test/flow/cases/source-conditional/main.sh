set -u
# @env MODE
. "$(dirname "$0")/lib.sh"
echo "$ALWAYS"  # @safe ALWAYS
echo "$SOMETIMES"  # @unsafe SOMETIMES
