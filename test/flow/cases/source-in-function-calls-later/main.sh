set -u
A=1
# load runs lib.sh, whose top level calls clear_a, defined after load: load's summary needs
# clear_a's, which is found after it.
load() {
  . "$(dirname "$0")/lib.sh"
}
clear_a() {
  unset A
}
load
echo "$A"  # @unsafe A
