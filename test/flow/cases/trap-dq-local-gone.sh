set -u
# self_update's pattern: a double-quoted handler with its `$` escaped reads tmp when the trap
# fires, after the function's `local tmp` has gone.
self_update() {
  local tmp
  tmp=scratch
  trap "echo \"cleaning \$tmp\" >/dev/null 2>&1" EXIT  # @unsafe tmp @bash-line 1
  echo "updating $tmp"  # @safe tmp
}
self_update
