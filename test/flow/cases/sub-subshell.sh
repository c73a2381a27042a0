set -u
( X=1 )
echo "$X"  # @unsafe X
