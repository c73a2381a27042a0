set -u
printf 'a\n' | while read -r l; do
  last=$l  # @safe l
done
echo "$last"  # @unsafe last
