set -u
select choice in a b; do
  picked=$choice  # @safe choice
  break
done
echo "$picked"  # @unsafe picked
