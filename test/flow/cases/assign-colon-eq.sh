set -u
: "${X:=v}"
echo "$X"  # @safe X
