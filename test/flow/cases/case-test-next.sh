set -u
# @env MODE=a|b|z
case "${MODE:-}" in
  a) A=1 ;;&
  a|b) B=1 ;;&
  *) C=1 ;;
esac
echo "$C"  # @safe C
echo "$B"  # @unsafe B
