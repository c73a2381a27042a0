set -u
# In arithmetic a missing element of an array that is there reads as 0; `declare -a` without a
# value makes no array, and its name stops.
a=()
echo $(( a[0] + a ))  # @safe a
b[1]=2
echo $(( b[0] + b + b[5] ))  # @safe b
declare -a c
( echo $(( c[0] + 1 )) )  # @unsafe c
