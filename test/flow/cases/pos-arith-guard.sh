set -u
# @args "" "a"
(( $# )) || exit 1
echo "$1"  # @safe 1
