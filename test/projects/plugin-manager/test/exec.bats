#!/usr/bin/env bats
# pm exec / env and the shims

load test_helpers

setup() {
  setup_pm
}

@test "exec runs the selected version with the plugin's environment" {
  install_dummy 1.0.0 2.0.0
  select_version dummy 2.0.0
  run pm exec dummy a "b c"
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "dummy 2.0.0: a b c" ]
  [ "${lines[1]}" = "DUMMY_HOME=$PM_DATA_DIR/installs/dummy/2.0.0/home" ]
}

@test "exec of a command no selected version provides exits 126" {
  install_dummy 1.0.0
  run pm exec dummy
  [ "$status" -eq 126 ]
  [ "${lines[0]}" = "No version is selected for command dummy" ]
}

@test "env runs a utility in the plugin's environment" {
  install_dummy 1.1.0
  select_version dummy 1.1.0
  run pm env dummy printenv DUMMY_HOME
  [ "$status" -eq 0 ]
  [ "$output" = "$PM_DATA_DIR/installs/dummy/1.1.0/home" ]
}

@test "the shim runs the tool through pm exec" {
  install_dummy 1.0.0
  select_version dummy 1.0.0
  run "$PM_DATA_DIR/shims/dummy" --flag
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "dummy 1.0.0: --flag" ]
}

@test "pm-shim by its own name runs the command named by its first argument" {
  install_dummy 1.1.0
  select_version dummy 1.1.0
  run "$PROJECT_ROOT/shims/pm-shim" dummy x
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "dummy 1.1.0: x" ]
}

@test "pm-shim by its own name without arguments prints its usage" {
  run "$PROJECT_ROOT/shims/pm-shim"
  [ "$status" -eq 1 ]
  [ "$output" = "usage: pm-shim <command> [args...]" ]
}
