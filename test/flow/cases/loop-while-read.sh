set -u
while read -r line; do
  last=$line  # @safe line
done </dev/null
echo "$line"  # @safe line
echo "$last"  # @unsafe last
