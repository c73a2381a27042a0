set -u
declare -a a
echo "${#a[@]}"  # @unsafe a
