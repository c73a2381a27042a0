set -u
# @env MODE=a|b|z
case "${MODE:-}" in
  a) A=1 ;&
  b) B=1 ;;
  *) B=2 ;;
esac
echo "$B"  # @safe B
echo "$A"  # @unsafe A
