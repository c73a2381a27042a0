set -u
read X </dev/null
echo "$X"  # @safe X
read -r a b </dev/null
echo "$a $b"  # @safe a b
