set -u
# @env k=1
(( n = 1 ))
echo "$n"  # @safe n
let m=2
echo "$m"  # @safe m
echo "$(( k + 1 ))"  # @unsafe k
