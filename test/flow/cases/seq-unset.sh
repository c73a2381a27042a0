set -u
# @env X
X=1
echo "$X"  # @safe X
unset X
echo "$X"  # @unsafe X
