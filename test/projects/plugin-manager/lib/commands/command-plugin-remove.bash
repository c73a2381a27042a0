# pm plugin remove NAME: remove a plugin, every version it installed, and their shims.

plugin_remove_command() {
  local plugin_name=$1
  if [ -z "$plugin_name" ]; then
    echo "No plugin given" >&2
    exit 1
  fi
  if [ ! -d "$PM_DATA_DIR/plugins/$plugin_name" ]; then
    display_error "No such plugin: $plugin_name"
    exit 1
  fi

  rm -rf "$PM_DATA_DIR/plugins/$plugin_name"
  rm -rf "$PM_DATA_DIR/installs/$plugin_name"
  "$PM_ROOT/bin/pm" reshim
  echo "plugin $plugin_name removed"
}
