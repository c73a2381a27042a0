set -u
# @env GO
trap 'echo "$X"' EXIT  # @unsafe X @bash-line 1
[ -n "${GO:-}" ] || exit 0
X=1
