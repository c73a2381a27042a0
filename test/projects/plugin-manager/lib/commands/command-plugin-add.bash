# pm plugin add NAME PATH: add a plugin by copying its directory into the data directory.

plugin_add_command() {
  if [ "$#" -lt 2 ]; then
    display_error "usage: pm plugin add <name> <path>"
    exit 1
  fi

  local plugin_name=$1
  local source_path=$2
  if ! [[ $plugin_name =~ ^[a-z0-9_-]+$ ]]; then
    display_error "$plugin_name is invalid. Name may only contain lowercase letters, numbers, '_', and '-'"
    exit 1
  fi

  local plugin_path
  plugin_path=$(get_plugin_path "$plugin_name")
  if [ -d "$plugin_path" ]; then
    display_error "Plugin named $plugin_name already added"
    exit 2
  fi
  if [ ! -x "$source_path/bin/list-all" ] || [ ! -x "$source_path/bin/install" ]; then
    display_error "$source_path is not a pm plugin: it needs bin/list-all and bin/install"
    exit 1
  fi

  mkdir -p "$PM_DATA_DIR/plugins"
  cp -R "$source_path" "$plugin_path"
  printf '%s\n' "$source_path" >"$plugin_path/.pm-source"
  echo "plugin $plugin_name added"
}
