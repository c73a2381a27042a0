set -u
# A function that sources a file unsets what the file unsets.
X=1
reset() { . "$(dirname "$0")/reset.sh"; }
reset
echo "$X"  # @unsafe X
