set -u
# @env MODE=a|b|z
case "${MODE:-}" in
  a) R=1 ;;
  b) R=2 ;;
  *) R=0 ;;
esac
echo "$R"  # @safe R
