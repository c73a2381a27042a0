set -u
# @env TMPD
# An unescaped `$` in a double-quoted handler is read when the trap is set, not when it fires;
# `\$?` is always set.
trap "echo $TMPD; echo \$?" EXIT  # @unsafe TMPD
