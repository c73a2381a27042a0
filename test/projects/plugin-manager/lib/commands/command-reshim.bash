# pm reshim: one shim in PM_DATA_DIR/shims for every command of every installed version, each a
# link to shims/pm-shim; shims no installed version needs any more are removed.

reshim_command() {
  local shims_dir="$PM_DATA_DIR/shims"
  local template="$PM_ROOT/shims/pm-shim"
  local shim bin

  mkdir -p "$shims_dir"
  for shim in "$shims_dir"/*; do
    if [ -L "$shim" ]; then
      rm -f "$shim"
    fi
  done
  for bin in "$PM_DATA_DIR"/installs/*/*/bin/*; do
    if [ -f "$bin" ] && [ -x "$bin" ]; then
      ln -sf "$template" "$shims_dir/${bin##*/}"
    fi
  done
  debug "shims written to $shims_dir"
}
