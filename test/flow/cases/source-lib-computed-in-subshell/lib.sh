# capture runs its arguments as a command, in a command substitution.
capture() {
  output=$("$@")
  echo "$output"
}
