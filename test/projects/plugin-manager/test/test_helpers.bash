# Shared setup of pm's bats tests: every test gets its own HOME, data directory and project
# directory under BATS_TEST_TMPDIR, and runs pm from this checkout.

PROJECT_ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES="$BATS_TEST_DIRNAME/fixtures"

setup_pm() {
  unset PM_DEBUG PM_TRACE PM_TOOL_VERSIONS_FILENAME PM_SHIM_DEBUG PM_ROOT
  # bash's own messages (cd: ...: No such file or directory) in English, as the tests expect them
  export LC_ALL=C
  export HOME="$BATS_TEST_TMPDIR/home"
  export PM_DATA_DIR="$BATS_TEST_TMPDIR/data"
  export PATH="$PROJECT_ROOT/bin:$PATH"
  mkdir -p "$HOME" "$PM_DATA_DIR" "$BATS_TEST_TMPDIR/project"
  cd "$BATS_TEST_TMPDIR/project" || return 1
}

# add_dummy_plugin [NAME]: the dummy plugin of test/fixtures, added as NAME (default dummy)
add_dummy_plugin() {
  pm plugin add "${1:-dummy}" "$FIXTURES/dummy-plugin" >/dev/null
}

# install_dummy VERSION...: the dummy plugin added, and these versions installed
install_dummy() {
  local version
  [ -d "$PM_DATA_DIR/plugins/dummy" ] || add_dummy_plugin
  for version in "$@"; do
    pm install dummy "$version" >/dev/null
  done
}

# select_version NAME VERSION: a .tool-versions in the project directory selecting it
select_version() {
  printf '%s %s\n' "$1" "$2" >>"$BATS_TEST_TMPDIR/project/.tool-versions"
}
