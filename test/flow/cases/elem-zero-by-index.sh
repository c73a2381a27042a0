set -u
# An assignment at an index other than 0 makes an array without element 0: `$a` and `${a[0]}`
# stop on it. `[0]=` gives it, and so do words before any `[k]=`.
a[1]=x
( echo "$a" )  # @unsafe a
b[0]=y
echo "$b ${b[0]}"  # @safe b
c=([2]=z w)
( echo "${c[0]}" )  # @unsafe c
d=([1]=p [0]=q)
echo "$d"  # @safe d
e=(x [3]=y)
echo "$e"  # @safe e
