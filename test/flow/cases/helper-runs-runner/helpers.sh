# A bats-like run helper: it runs its arguments and keeps their output.
run() {
  output=$("$@" 2>&1)
  status=$?
}
