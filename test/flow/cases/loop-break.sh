set -u
# @env LIST=a
for f in ${LIST:-} z; do
  [ "$f" = z ] && break  # @safe f
  got=$f  # @safe f
done
echo "$got"  # @unsafe got
