set -u
# @env X
export X
echo "$X"  # @unsafe X
export Y=1
echo "$Y"  # @safe Y
