set -u
# A test runner: run_one runs each test through a computed name, and the helper it sources runs
# any command through "$@", so each may run the other. The runner's globals are set before
# anything is called, and the top level ends in exit.
. "$(dirname "$0")/helpers.sh"
verbose=false
run_one() {
  if [[ $verbose == true ]]; then  # @safe verbose
    echo "running"
  fi
  "$1"
}
test_a() { echo a; }
for t in $(echo test_a); do
  run_one "$t"
done
exit 0
