set -u
# @env W=|x
a=(${W:-})
echo "$a"  # @unsafe a
