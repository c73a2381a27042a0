set -u
# @env N=0|2
i=0
while [ "$i" -lt "${N:-0}" ]; do  # @safe i N
  i=$((i + 1)); seen=$i  # @safe i
done
echo "$seen"  # @unsafe seen
