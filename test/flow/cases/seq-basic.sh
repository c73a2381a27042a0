set -u
# @env E
A=1
B="$A"  # @safe A
echo "$B $A"  # @safe A B
echo "$E"  # @unsafe E
