set -u
# A loop's condition is tested again after each pass: there it reads what the body left.
k=3
until [ "$k" -eq 0 ]; do  # @safe k
  k=$((k - 1))
done
n=2
while [ "$n" -gt 0 ]; do  # @unsafe n
  unset n
done
