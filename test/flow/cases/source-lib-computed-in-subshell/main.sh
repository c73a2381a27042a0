set -u
# The library runs the script's function through a computed name inside $( ).
. "$(dirname "$0")/lib.sh"
describe() {
  echo "$version"  # @unsafe version
}
capture describe
version=1
