set -u
# @env LIST=x|a
for f in x ${LIST:-x}; do
  [ "$f" = x ] && continue  # @safe f
  got=$f  # @safe f
done
echo "$got"  # @unsafe got
