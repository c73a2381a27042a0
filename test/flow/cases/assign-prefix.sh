set -u
X=1 true
echo "$X"  # @unsafe X
