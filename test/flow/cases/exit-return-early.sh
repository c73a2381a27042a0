set -u
# @env X
setup() {
  [ -n "${X:-}" ] || return 0
  Y=1
}
setup
echo "$Y"  # @unsafe Y
