set -u
eval 'X=1'
echo "$X"  # @safe X
