#!/usr/bin/env bats
# The dispatcher bin/pm and bin/pm-doctor

load test_helpers

setup() {
  setup_pm
}

@test "pm without a command prints the usage and exits 1" {
  run pm
  [ "$status" -eq 1 ]
  [ "${lines[0]}" = "usage: pm <command> [args...]" ]
}

@test "pm with PM_DATA_DIR unset keeps its data in HOME/.pm" {
  unset PM_DATA_DIR
  run pm plugin add dummy "$FIXTURES/dummy-plugin"
  [ "$status" -eq 0 ]
  [ -x "$HOME/.pm/plugins/dummy/bin/install" ]
}

@test "PM_TRACE=1 traces each command with its file and line" {
  PM_TRACE=1 run pm version
  [ "$status" -eq 0 ]
  # set -x shows the expanded words of a simple command (never its source text) after PS4
  printf '%s\n' "${lines[@]}" | grep -qxF "+ pm:54: echo 'pm 0.3.0'"
  printf '%s\n' "${lines[@]}" | grep -qxF "pm 0.3.0"
}

@test "pm doctor on a healthy data directory" {
  install_dummy 1.0.0
  run pm doctor
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "data dir:     $PM_DATA_DIR" ]
  [ "${lines[2]}" = "pm:           $PROJECT_ROOT/bin/pm" ]
  [ "${lines[3]}" = "everything looks fine" ]
}

@test "pm-doctor with its inputs unset checks HOME/.pm and names the failing line" {
  run env -u PM_DATA_DIR -u PM_DEBUG -u PM_ROOT pm-doctor
  [ "$status" -eq 1 ]
  [ "${lines[0]}" = "data dir:     $HOME/.pm" ]
  [ "${lines[1]}" = "version file: .tool-versions" ]
  [ "${lines[2]}" = "pm-doctor: line 26: check failed: the data directory exists" ]
  [ "${#lines[@]}" -eq 3 ]
}

@test "pm-doctor shows PM_DEBUG when it is set, even empty" {
  mkdir -p "$PM_DATA_DIR/plugins" "$PM_DATA_DIR/shims"
  PM_DEBUG= run pm-doctor
  [ "$status" -eq 0 ]
  [ "${lines[2]}" = "debug:        " ]
}

@test "pm-doctor without a shims directory shows bash's cd error and the check's line" {
  mkdir -p "$PM_DATA_DIR/plugins"
  run pm-doctor
  [ "$status" -eq 1 ]
  [ "${lines[2]}" = "$PROJECT_ROOT/bin/pm-doctor: line 38: cd: $PM_DATA_DIR/shims: No such file or directory" ]
  [ "${lines[3]}" = "pm-doctor: line 38: check failed: the shims directory is readable" ]
}
