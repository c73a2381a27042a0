set -u
# @env X
[ -n "${X:-}" ] || ( exit 1 )
echo "$X"  # @unsafe X
