set -u
for x in; do
  y=1
done
echo "$x"  # @unsafe x
