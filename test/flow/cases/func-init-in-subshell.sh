set -u
init() {
  X=1
}
( init; echo "$X" )  # @safe X
echo "$X"  # @unsafe X
