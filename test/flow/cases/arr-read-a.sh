set -u
# @env W=|x y
IFS=' ' read -r -a a <<< "${W:-}"
echo "${#a[@]}"  # @safe a
echo "${a[0]}"  # @unsafe a
