set -u
# A name the shell sets stays set when a handler runs, whichever function made it local.
f() {
  local IFS=,
  trap 'echo "done ${#IFS}"' EXIT  # @safe IFS @bash-line 1
}
f
