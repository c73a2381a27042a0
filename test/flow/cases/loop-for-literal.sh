set -u
for f in a b; do
  last=$f  # @safe f
done
echo "$last $f"  # @safe last f
