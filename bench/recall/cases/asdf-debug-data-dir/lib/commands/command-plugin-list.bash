# -*- sh -*-

plugin_list_command() {
  local plugins_path
  plugins_path="$(asdf_data_dir)/plugins"

  if find "$plugins_path" -mindepth 1 -type d &>/dev/null; then
    for plugin_path in "$plugins_path"/*/; do
      printf "%s\n" "$(basename "$plugin_path")"
    done
  else
    printf "%s\n" 'No plugins installed' >&2
  fi
}

plugin_list_command "$@"
