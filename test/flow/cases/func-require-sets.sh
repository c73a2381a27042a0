set -u
# A function that assigns only its locals but reads ${X:?}: past its call, X is set.
need() {
  local where=here
  : "${TARGET:?TARGET is required $where}"
}
need
echo "$TARGET"  # @safe TARGET
