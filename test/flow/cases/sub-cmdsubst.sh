set -u
y=$( X=1; echo "$X" )  # @safe X
echo "$y"  # @safe y
echo "$X"  # @unsafe X
