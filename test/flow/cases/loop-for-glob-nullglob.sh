set -u
shopt -s nullglob
for f in ./*.none; do
  last=$f
done
echo "$last"  # @unsafe last
