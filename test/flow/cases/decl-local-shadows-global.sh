set -u
G=1
f() {
  local G
  echo "$G"  # @unsafe G
}
( f )
echo "$G"  # @safe G
