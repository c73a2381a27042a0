# pm where NAME [VERSION]: the directory a version is installed in (default: the version
# .tool-versions selects).

where_command() {
  local name=$1
  local version=$2
  check_if_plugin_exists "$name"
  if [ -z "$version" ] && ! version=$(get_selected_version "$name"); then
    display_error "No version of $name selected"
    exit 1
  fi

  cd "$(get_install_path "$name" "$version")" || exit 1
  pwd
}
