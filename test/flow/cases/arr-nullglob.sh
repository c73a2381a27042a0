set -u
a=(*.none)
echo "$a"  # @safe a
shopt -s nullglob
b=(*.none)
echo "$b"  # @unsafe b
