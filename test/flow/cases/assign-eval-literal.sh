set -u
# A literal eval string is read as code: its calls count, with their arguments.
f() {
  echo "$1"  # @safe 1
}
eval 'f x'
g() {
  ( echo "$1" )  # @unsafe 1
}
eval 'g; Y=1'
echo "$Y"  # @safe Y
