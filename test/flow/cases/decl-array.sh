set -u
declare -a arr
echo "${arr[@]}"  # @safe arr
arr=()
echo "${arr[0]}"  # @unsafe arr
