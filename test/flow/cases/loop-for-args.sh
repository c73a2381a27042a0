set -u
# @args "" "p" "p q"
for a; do
  last=$a  # @safe a
done
echo "$last"  # @unsafe last
