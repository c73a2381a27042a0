set -u
printf -v X '%s' hello
echo "$X"  # @safe X
