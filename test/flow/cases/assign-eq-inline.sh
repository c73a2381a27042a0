set -u
echo "${Y:=d}"
echo "$Y"  # @safe Y
