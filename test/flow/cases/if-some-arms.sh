set -u
# @env C=a|b
if [ "${C:-}" = a ]; then
  M=1
elif [ "${C:-}" = b ]; then
  :
else
  M=3
fi
echo "$M"  # @unsafe M
