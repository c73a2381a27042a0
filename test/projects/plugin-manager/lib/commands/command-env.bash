# pm env COMMAND [UTIL [ARGS...]]: run UTIL (default: env) in the environment `pm exec` would
# run COMMAND in.

env_command() {
  local command=$1
  if [ -z "$command" ]; then
    display_error "usage: pm env <command> [util [args...]]"
    exit 1
  fi
  shift

  local owner tool version
  if ! owner=$(find_command_owner "$command"); then
    display_error "No version is selected for command $command"
    exit 126
  fi
  read -r tool version <<<"$owner"
  load_plugin_env "$tool" "$version"
  PATH="$(get_install_path "$tool" "$version")/bin:$PATH"
  if [ "$#" -eq 0 ]; then
    set -- env
  fi
  exec "$@"
}
