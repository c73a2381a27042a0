set -u
a=(x y)
echo "$a ${a[0]} ${#a[@]}"  # @safe a
b=()
b+=(x)
echo "$b"  # @safe b
