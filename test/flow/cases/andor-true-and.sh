set -u
true && Z=1
echo "$Z"  # @safe Z
