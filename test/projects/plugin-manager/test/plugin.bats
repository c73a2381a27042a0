#!/usr/bin/env bats
# pm plugin add / list / remove / test

load test_helpers

setup() {
  setup_pm
}

@test "plugin add copies the plugin and records where it came from" {
  run pm plugin add dummy "$FIXTURES/dummy-plugin"
  [ "$status" -eq 0 ]
  [ "$output" = "plugin dummy added" ]
  [ -x "$PM_DATA_DIR/plugins/dummy/bin/install" ]
  [ "$(cat "$PM_DATA_DIR/plugins/dummy/.pm-source")" = "$FIXTURES/dummy-plugin" ]
}

@test "plugin add without arguments prints its usage and exits 1" {
  run pm plugin add
  [ "$status" -eq 1 ]
  [ "$output" = "usage: pm plugin add <name> <path>" ]
}

@test "plugin list shows each plugin with its source" {
  add_dummy_plugin
  add_dummy_plugin second
  run pm plugin list
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "dummy      $FIXTURES/dummy-plugin" ]
  [ "${lines[1]}" = "second     $FIXTURES/dummy-plugin" ]
  [ "${#lines[@]}" -eq 2 ]
}

@test "plugin list without plugins says so and exits 1" {
  run pm plugin list
  [ "$status" -eq 1 ]
  [ "$output" = "No plugins added" ]
}

@test "plugin list names the file and line that found a plugin pm did not add" {
  mkdir -p "$PM_DATA_DIR/plugins/stray/bin"
  run pm plugin list
  [ "$status" -eq 70 ]
  [ "$output" = "pm: internal error in plugin_list_command (command-plugin-list.bash line 13): plugin stray has no .pm-source file" ]
}

@test "plugin remove deletes the plugin, its installs and its shims" {
  install_dummy 1.0.0
  run pm plugin remove dummy
  [ "$status" -eq 0 ]
  [ "$output" = "plugin dummy removed" ]
  [ ! -e "$PM_DATA_DIR/plugins/dummy" ]
  [ ! -e "$PM_DATA_DIR/installs/dummy" ]
  [ ! -e "$PM_DATA_DIR/shims/dummy" ]
}

@test "plugin remove without an argument says no plugin was given" {
  add_dummy_plugin
  run pm plugin remove
  [ "$status" -eq 1 ]
  [ "$output" = "No plugin given" ]
  [ -d "$PM_DATA_DIR/plugins/dummy" ]
}

@test "plugin test passes for a working plugin and leaves no scratch directory" {
  run pm plugin test dummy "$FIXTURES/dummy-plugin"
  [ "$status" -eq 0 ]
  [ "$output" = "plugin dummy passed: installed 2.0.0" ]
  [ -z "$(ls -A "$PM_DATA_DIR/tmp")" ]
  [ ! -e "$PM_DATA_DIR/plugins/dummy" ]
}

@test "plugin test without arguments prints its own failure only" {
  run pm plugin test
  [ "$status" -eq 1 ]
  [ "$output" = "FAILED: please provide a plugin name and path" ]
}

@test "plugin test of a plugin whose list-all fails cleans up its scratch directory" {
  run pm plugin test broken "$FIXTURES/broken-plugin"
  [ "$status" -eq 1 ]
  [ "${lines[${#lines[@]} - 1]}" = "FAILED: list-all exited with an error" ]
  [ -z "$(ls -A "$PM_DATA_DIR/tmp")" ]
}
