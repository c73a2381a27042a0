set -u
X=1
trap 'echo "$X"' EXIT  # @safe X @bash-line 1
echo "$X"  # @safe X
