set -u
# @env C=a|b
if [ "${C:-}" = a ]; then
  M=1
elif [ "${C:-}" = b ]; then
  M=2
else
  M=3
fi
echo "$M"  # @safe M
