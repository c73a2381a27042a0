set -u
# @args "" "-v" "-o out" "-o" "-v x"
verbose=0
while [ $# -gt 0 ]; do
  case $1 in  # @safe 1
    -v) verbose=1 ;;
    -o) out=$2; shift ;;  # @unsafe 2
    *) break ;;
  esac
  shift
done
echo "$verbose"  # @safe verbose
echo "$out"  # @unsafe out
