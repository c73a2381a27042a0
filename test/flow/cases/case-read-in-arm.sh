set -u
# @env MODE=set|other
case "${MODE:-}" in
  set) echo "$MODE" ;;  # @safe MODE
  "") echo "$MODE" ;;  # @unsafe MODE
esac
