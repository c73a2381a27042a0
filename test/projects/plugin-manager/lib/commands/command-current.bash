# pm current [NAME]: the version .tool-versions selects for NAME (for every tool it lists,
# without a name) and whether that version is installed.

print_current() {
  local state=installed
  if [ ! -d "$(get_install_path "$1" "$2")" ]; then
    state="not installed"
  fi
  printf '%-10s %-10s %s\n' "$1" "$2" "$state"
}

current_command() {
  local PATTERN
  PATTERN="$1"
  if [ -z "$PATTERN" ]; then
    PATTERN='current'
  fi

  local file
  if ! file=$(find_tool_versions); then
    display_error "No $PM_TOOL_VERSIONS_FILENAME file found"
    exit 1
  fi

  local tool version
  local found=0
  while read -r tool version; do
    [ -n "$tool" ] || continue
    if [ "$PATTERN" = current ] || [ "$PATTERN" = "$tool" ]; then
      print_current "$tool" "$version"
      found=1
    fi
  done <"$file"
  if [ "$found" = 0 ]; then
    display_error "No version of $PATTERN is set in $file"
    exit 126
  fi
}
