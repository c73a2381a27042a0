set -u
# @env C
[ -n "${C:-}" ] && Y=1 || Y=2
echo "$Y"  # @safe Y
