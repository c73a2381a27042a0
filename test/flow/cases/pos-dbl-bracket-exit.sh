set -u
# @args "" "a"
[[ $# -eq 0 ]] && exit 1
echo "$1"  # @safe 1
