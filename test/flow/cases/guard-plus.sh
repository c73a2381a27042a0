set -u
# @env X=|v
[ -n "${X+x}" ] && echo "$X"  # @safe X
