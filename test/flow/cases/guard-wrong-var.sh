set -u
# @env X Y
[ -n "${X:-}" ] && echo "$Y"  # @safe X @unsafe Y
