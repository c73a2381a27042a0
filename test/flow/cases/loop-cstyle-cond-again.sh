set -u
# The condition of `for ((…; cond; …))` is tested again after each pass, after `continue` too.
m=1
for ((; m > 0; )); do  # @unsafe m
  unset m
  continue
done
