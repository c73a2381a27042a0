# pm uninstall NAME VERSION: remove an installed version and the shims only it needed.

uninstall_command() {
  local name=$1
  local version=$2
  check_if_plugin_exists "$name"
  if [ -z "$version" ]; then
    display_error "usage: pm uninstall <name> <version>"
    exit 1
  fi

  local install_path
  install_path=$(get_install_path "$name" "$version")
  if [ ! -d "$install_path" ]; then
    display_error "No such version: $name $version"
    exit 1
  fi
  rm -rf "$install_path"
  "$PM_ROOT/bin/pm" reshim
  echo "$name $version uninstalled"
}
