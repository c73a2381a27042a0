set -u
{ X=1; }
echo "$X"  # @safe X
