set -u
# @env Z
Y=0
{ Y=1; B=1; } &
wait
echo "$Y"  # @safe Y
echo "$Z" &  # @unsafe Z
wait
echo "$B"  # @unsafe B
