set -u
# @env C
[ -n "${C:-}" ] && Y=1
echo "$Y"  # @unsafe Y
