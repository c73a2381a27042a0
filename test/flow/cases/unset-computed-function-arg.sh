set -u
# A helper that unsets the name it is given: its callers' arguments name what goes.
forget() {
  unset "$1"
}
B=1
C=1
forget B
echo "$B"  # @unsafe B
echo "$C"  # @safe C
