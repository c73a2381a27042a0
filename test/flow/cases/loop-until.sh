set -u
# @env STOP
until [ -n "${STOP:-}" ]; do
  v=1
  STOP=1
done
echo "$v"  # @unsafe v
