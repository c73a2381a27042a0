set -u
# `continue` in a `for ((…))` loop runs its third expression before the next test: reads there
# are reached through it, even where every pass of the body ends in `continue` or `break`.
for ((i = 0; i < 3; i++)); do  # @safe i
  case $i in
    0) continue ;;
    *) break ;;
  esac
done
for ((j = 0; j < 2; j += step)); do  # @unsafe step @safe j
  unset step
  continue
done
