# pm plugin test NAME PATH: add the plugin to a scratch data directory, list its versions and
# install the latest, to check that a plugin works before it is published.

# fail_test MESSAGE: report, remove the scratch directory (if there is one yet), stop
fail_test() {
  printf 'FAILED: %s\n' "$*"
  rm -rf "$test_dir"
  exit 1
}

plugin_test_command() {
  local plugin_name=$1
  local plugin_source=$2
  local test_dir

  if [ -z "$plugin_name" ] || [ -z "$plugin_source" ]; then
    fail_test "please provide a plugin name and path"
  fi

  mkdir -p "$PM_DATA_DIR/tmp"
  test_dir=$(mktemp -d "$PM_DATA_DIR/tmp/plugin-test.XXXXXX")

  PM_DATA_DIR=$test_dir "$PM_ROOT/bin/pm" plugin add "$plugin_name" "$plugin_source" >/dev/null ||
    fail_test "could not add the plugin"

  local versions latest
  versions=$(PM_DATA_DIR=$test_dir "$PM_ROOT/bin/pm" list-all "$plugin_name") ||
    fail_test "list-all exited with an error"
  if [ -z "$versions" ]; then
    fail_test "list-all did not return any version"
  fi
  latest=${versions##* }

  PM_DATA_DIR=$test_dir "$PM_ROOT/bin/pm" install "$plugin_name" "$latest" >/dev/null 2>&1 ||
    fail_test "install of $latest exited with an error"

  rm -rf "$test_dir"
  echo "plugin $plugin_name passed: installed $latest"
}
