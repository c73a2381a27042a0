# pm list-all NAME [CHANNEL]: the versions a plugin offers, oldest first, on one line. The
# nightly channel adds the nightly builds the plugin lists (its bin/list-all gets the channel).

# resolve_channel CHANNEL: the channel's name, or an error for an unknown one
resolve_channel() {
  local FLAVOR
  case "${1-}" in
    release | nightly) FLAVOR="$1" ;;
    *)
      display_error "unknown channel: $1 (release or nightly)"
      return 2
      ;;
  esac
  echo "$FLAVOR"
}

list_all_command() {
  local plugin_name=$1
  local channel
  check_if_plugin_exists "$plugin_name"
  channel=$(resolve_channel "${2:-release}") || exit 1

  local plugin_path versions
  plugin_path=$(get_plugin_path "$plugin_name")
  if ! versions=$("$plugin_path/bin/list-all" "$channel"); then
    display_error "Plugin $plugin_name's list-all callback script failed"
    exit 1
  fi
  echo $versions
}
