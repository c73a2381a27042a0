set -u
while true; do
  v=1
  break
done
echo "$v"  # @safe v
