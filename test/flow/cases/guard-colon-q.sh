set -u
# @env X
: "${X:?X is required}"
echo "$X"  # @safe X
