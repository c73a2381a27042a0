# asdf's shared functions (excerpt), in the style of lib/utils.bash.

asdf_dir() {
  if [ -z "${ASDF_DIR:-}" ]; then
    local current_script_path=${BASH_SOURCE[0]}
    export ASDF_DIR
    ASDF_DIR=$(cd "$(dirname "$(dirname "$current_script_path")")" || exit; pwd)
  fi
  printf "%s\n" "$ASDF_DIR"
}

asdf_data_dir() {
  printf "%s\n" "${ASDF_DATA_DIR:-$HOME/.asdf}"
}

# The plugin's exec-env is sourced into this shell, options and all.
with_shim_executable() {
  local shim_name=$1
  local callback=$2
  local plugin_name=ruby version=3.1.2
  local install_path
  install_path="$(asdf_data_dir)/installs/$plugin_name/$version"
  if [ -f "$(asdf_data_dir)/plugins/$plugin_name/bin/exec-env" ]; then
    # shellcheck source=/dev/null
    . "$(asdf_data_dir)/plugins/$plugin_name/bin/exec-env"
  fi
  "$callback" "$plugin_name" "$version" "$install_path/bin/$shim_name"
}
