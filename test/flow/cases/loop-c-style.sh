set -u
# @env N=0|2
for (( i = 0; i < ${N:-0}; i++ )); do
  last=$i  # @safe i
done
echo "$i"  # @safe i
echo "$last"  # @unsafe last
