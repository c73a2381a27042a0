set -u
. "$(dirname "$0")/lib.sh"
TOKEN=secret
KEEP=1
lib_forget TOKEN
echo "$TOKEN"  # @unsafe TOKEN
echo "$KEEP"  # @safe KEEP
