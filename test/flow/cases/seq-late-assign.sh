set -u
# @env count
echo "$count"  # @unsafe count
count=1
echo "$count"  # @safe count
