# pm plugin list: the plugins added, each with the directory it was added from.

plugin_list_command() {
  local plugins_dir="$PM_DATA_DIR/plugins"
  local plugin_path name source
  local found=0

  for plugin_path in "$plugins_dir"/*; do
    [ -d "$plugin_path" ] || continue
    name=${plugin_path##*/}
    # plugin add writes .pm-source; a plugin without one was not added by pm
    if [ ! -f "$plugin_path/.pm-source" ]; then
      die "plugin $name has no .pm-source file"
    fi
    read -r source <"$plugin_path/.pm-source"
    printf '%-10s %s\n' "$name" "$source"
    found=1
  done

  if [ "$found" = 0 ]; then
    display_error "No plugins added"
    exit 1
  fi
}
