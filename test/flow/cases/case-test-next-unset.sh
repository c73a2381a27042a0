set -u
# @env M=a|b
X=1
case "${M:-}" in
  a) unset X ;;&
  *) echo "$X" ;;  # @unsafe X
esac
