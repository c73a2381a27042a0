set -u
declare x
echo "$x"  # @unsafe x
