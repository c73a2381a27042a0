# Helpers every pm command uses: where things live, messages, and reading .tool-versions.
# Sourced by bin/pm (the command files see them through it); defines functions, and the
# defaults of pm's settings.

PM_VERSION=0.3.0
PM_DATA_DIR=${PM_DATA_DIR:-$HOME/.pm}
PM_TOOL_VERSIONS_FILENAME=${PM_TOOL_VERSIONS_FILENAME:-.tool-versions}

display_error() {
  printf '%s\n' "$*" >&2
}

# debug MESSAGE: with PM_DEBUG=1, a trace line naming the file and line it was written from
debug() {
  if [ "$PM_DEBUG" = "1" ]; then
    printf 'pm debug: %s:%s: %s\n' "${BASH_SOURCE[1]##*/}" "${BASH_LINENO[0]}" "$*" >&2
  fi
}

# die MESSAGE: a failure pm does not expect; says where it was raised, for the bug report
die() {
  local line func file
  read -r line func file <<<"$(caller 0)"
  printf 'pm: internal error in %s (%s line %s): %s\n' "$func" "${file##*/}" "$line" "$1" >&2
  exit 70
}

get_plugin_path() {
  printf '%s\n' "$PM_DATA_DIR/plugins/$1"
}

get_install_path() {
  local name=$1
  local version=$2
  printf '%s\n' "$PM_DATA_DIR/installs/$name/$version"
}

check_if_plugin_exists() {
  local plugin_name=$1
  if [ -z "$plugin_name" ]; then
    display_error "No plugin given"
    exit 1
  fi
  if [ ! -d "$PM_DATA_DIR/plugins/$plugin_name" ]; then
    display_error "No such plugin: $plugin_name"
    exit 1
  fi
}

# find_tool_versions: the .tool-versions file in effect (the current directory's, else the
# one in HOME); fails when there is none
find_tool_versions() {
  local file
  for file in "$PWD/$PM_TOOL_VERSIONS_FILENAME" "$HOME/$PM_TOOL_VERSIONS_FILENAME"; do
    if [ -f "$file" ]; then
      printf '%s\n' "$file"
      return 0
    fi
  done
  return 1
}

# get_selected_version NAME: the version .tool-versions selects for NAME
get_selected_version() {
  local name=$1
  local file tool version
  file=$(find_tool_versions) || return 1
  while read -r tool version; do
    if [ "$tool" = "$name" ]; then
      printf '%s\n' "$version"
      return 0
    fi
  done <"$file"
  return 1
}

# find_command_owner COMMAND: "NAME VERSION" of the selected tool version that installs COMMAND
find_command_owner() {
  local command=$1
  local file tool version
  file=$(find_tool_versions) || return 1
  while read -r tool version; do
    if [ -x "$PM_DATA_DIR/installs/$tool/$version/bin/$command" ]; then
      printf '%s %s\n' "$tool" "$version"
      return 0
    fi
  done <"$file"
  return 1
}

# load_plugin_env NAME VERSION: run the plugin's exec-env script, if it has one, in this shell
load_plugin_env() {
  local plugin_path
  plugin_path=$(get_plugin_path "$1")
  if [ -f "$plugin_path/bin/exec-env" ]; then
    PM_INSTALL_VERSION=$2
    PM_INSTALL_PATH=$(get_install_path "$1" "$2")
    export PM_INSTALL_VERSION PM_INSTALL_PATH
    # shellcheck source=/dev/null
    . "$plugin_path/bin/exec-env"
  fi
}
