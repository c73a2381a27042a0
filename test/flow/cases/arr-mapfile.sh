set -u
# @env W=|x
mapfile -t a < <(printf '%s' "${W:-}")
echo "${#a[@]}"  # @safe a
echo "$a"  # @unsafe a
