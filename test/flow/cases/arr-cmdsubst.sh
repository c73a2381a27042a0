set -u
# @env W=|x
a=($(printf '%s' "${W:-}"))
echo "${#a[@]}"  # @safe a
( echo "$a" )  # @unsafe a
( echo "${a[0]}" )  # @unsafe a
( echo "${#a}" )  # @unsafe a
