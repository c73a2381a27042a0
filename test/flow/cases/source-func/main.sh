set -u
. "$(dirname "$0")/lib.sh"
load_config
echo "$CONF"  # @safe CONF
echo "$OTHER"  # @unsafe OTHER
