set -u
# @env MODE=a|b|z
case "${MODE:-}" in
  a) R=1 ;;
  b) R=2 ;;
  *) echo "bad mode" >&2; exit 2 ;;
esac
echo "$R"  # @safe R
