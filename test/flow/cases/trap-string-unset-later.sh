set -u
# @env GO
X=1
Y=2
trap 'echo "$X $Y"' EXIT  # @unsafe X @safe Y @bash-line 1
[ -n "${GO:-}" ] || exit 0
unset X
