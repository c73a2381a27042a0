set -u
# @env LIST=|a
for f in ${LIST:-}; do
  last=$f  # @safe f
done
echo "$last"  # @unsafe last
