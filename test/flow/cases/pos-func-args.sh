set -u
f() {
  echo "$1 $2"  # @safe 1 2
  echo "$3"  # @unsafe 3
}
f a b
