# pm install [NAME [VERSION]]: install a tool version with its plugin. With no name it installs
# every tool the .tool-versions file lists; with no version, the version the file selects.

install_command() {
  local name=$1
  local version=$2

  if [ "$name" = "" ]; then
    echo "installing everything"
    install_tool_versions
  elif [ "$version" = "" ]; then
    if ! version=$(get_selected_version "$name"); then
      display_error "No version of $name in $PM_TOOL_VERSIONS_FILENAME"
      exit 1
    fi
    install_tool "$name" "$version"
  else
    install_tool "$name" "$version"
  fi
}

install_tool_versions() {
  local file tool version
  if ! file=$(find_tool_versions); then
    display_error "Either specify a tool & version in the command, or add a $PM_TOOL_VERSIONS_FILENAME file"
    exit 1
  fi
  while read -r tool version; do
    [ -n "$tool" ] || continue
    install_tool "$tool" "$version" </dev/null
  done <"$file"
}

# handle_cancel INSTALL_PATH: Ctrl-C (or a kill) during a plugin's install; the half install goes away
handle_cancel() {
  local install_path=$1
  printf '\nreceived a signal, cleaning up\n' >&2
  rm -rf "$install_path"
  exit 130
}

# remove_tool NAME: delete every installed version of a tool (what is left of a failed install)
remove_tool() {
  local name=$1
  local dir="$PM_DATA_DIR/installs"
  rm -rf "$dir/$name"
}

install_tool() {
  local name=$1
  local version=$2
  local plugin_path install_path

  check_if_plugin_exists "$name"
  plugin_path=$(get_plugin_path "$name")
  install_path=$(get_install_path "$name" "$version")
  if [ -d "$install_path" ]; then
    echo "$name $version is already installed"
    return 0
  fi

  trap 'handle_cancel $install_path' INT TERM
  mkdir -p "$install_path"
  debug "installing $name $version into $install_path"
  if ! PM_INSTALL_VERSION=$version PM_INSTALL_PATH=$install_path "$plugin_path/bin/install"; then
    trap - INT TERM
    rm -rf "$install_path"
    if [ -z "$(ls -A "$PM_DATA_DIR/installs/$name")" ]; then
      remove_tool "$name"
    fi
    display_error "Failed to install $name $version"
    exit 1
  fi
  trap - INT TERM

  "$PM_ROOT/bin/pm" reshim
  echo "$name $version installed"
}
