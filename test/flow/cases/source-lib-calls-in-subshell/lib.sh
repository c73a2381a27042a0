# show prints what describe prints; describe is the script's, and runs in a command substitution.
show() {
  out=$(describe)
  echo "$out"
}
