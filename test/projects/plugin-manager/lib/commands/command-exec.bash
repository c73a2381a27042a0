# pm exec COMMAND [ARGS...]: run COMMAND from the tool version .tool-versions selects, with the
# plugin's environment (its bin/exec-env) and the version's bin directory first on PATH.

exec_command() {
  local command=$1
  if [ -z "$command" ]; then
    display_error "usage: pm exec <command> [args...]"
    exit 1
  fi
  shift

  local owner tool version
  if ! owner=$(find_command_owner "$command"); then
    display_error "No version is selected for command $command"
    display_error "Add its tool to $PM_TOOL_VERSIONS_FILENAME and run: pm install"
    exit 126
  fi
  read -r tool version <<<"$owner"
  load_plugin_env "$tool" "$version"
  PATH="$(get_install_path "$tool" "$version")/bin:$PATH"
  exec "$command" "$@"
}
