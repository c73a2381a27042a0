set -u
# A pattern that matches nothing stays a word (no nullglob): the body runs at least once.
for f in ./*.none; do
  last=$f
done
echo "$last"  # @safe last
