set -u
# @env C
if [ -n "${C:-}" ]; then
  M=1
fi
echo "$M"  # @unsafe M
