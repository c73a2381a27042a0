set -u
# A library function calls the script's function only inside $( ): that is a call all the same.
. "$(dirname "$0")/lib.sh"
describe() {
  echo "$version"  # @unsafe version
}
show
version=1
