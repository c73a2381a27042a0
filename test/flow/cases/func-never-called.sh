set -u
# @env E
G=1
never() {
  echo "$G"  # @safe G
  echo "$E"  # @safe E
}
echo done
