set -u
read -r X < <(echo a)
echo "$X"  # @safe X
