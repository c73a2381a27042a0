set -u
echo a | read X
echo "$X"  # @unsafe X
