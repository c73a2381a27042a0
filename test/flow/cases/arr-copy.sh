set -u
# @args "" "x y"
b=("$@")
echo "${#b[@]}"  # @safe b
( echo "$b" )  # @unsafe b
( c=($1 x)  # @unsafe 1
echo "$c" )  # @safe c
