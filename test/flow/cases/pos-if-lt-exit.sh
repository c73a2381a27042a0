set -u
# @args "" "a" "a b"
if [ "$#" -lt 2 ]; then
  echo usage
  exit 1
fi
echo "$2"  # @safe 2
