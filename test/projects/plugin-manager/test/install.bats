#!/usr/bin/env bats
# pm install / uninstall

load test_helpers

setup() {
  setup_pm
}

@test "install NAME VERSION runs the plugin's install and writes the shims" {
  add_dummy_plugin
  run pm install dummy 1.1.0
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "built dummy 1.1.0" ]
  [ "${lines[1]}" = "dummy 1.1.0 installed" ]
  [ -x "$PM_DATA_DIR/installs/dummy/1.1.0/bin/dummy" ]
  [ -L "$PM_DATA_DIR/shims/dummy" ]
}

@test "install without arguments installs everything .tool-versions lists" {
  add_dummy_plugin
  add_dummy_plugin other
  select_version dummy 1.0.0
  select_version other 2.0.0
  run pm install
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "installing everything" ]
  [ -d "$PM_DATA_DIR/installs/dummy/1.0.0" ]
  [ -d "$PM_DATA_DIR/installs/other/2.0.0" ]
}

@test "install without arguments and without .tool-versions explains what to do" {
  run pm install
  [ "$status" -eq 1 ]
  [ "${lines[0]}" = "installing everything" ]
  [ "${lines[1]}" = "Either specify a tool & version in the command, or add a .tool-versions file" ]
}

@test "install NAME installs the version .tool-versions selects" {
  add_dummy_plugin
  select_version dummy 2.0.0
  run pm install dummy
  [ "$status" -eq 0 ]
  [ -d "$PM_DATA_DIR/installs/dummy/2.0.0" ]
}

@test "install NAME without a selected version fails" {
  add_dummy_plugin
  run pm install dummy
  [ "$status" -eq 1 ]
  [ "$output" = "No version of dummy in .tool-versions" ]
}

@test "a failed install removes what it left behind" {
  add_dummy_plugin
  run pm install dummy 0.0.0
  [ "$status" -eq 1 ]
  [ "${lines[0]}" = "dummy: cannot build 0.0.0" ]
  [ "${lines[1]}" = "Failed to install dummy 0.0.0" ]
  [ ! -e "$PM_DATA_DIR/installs/dummy" ]
}

@test "an interrupted install removes the half install and exits 130" {
  add_dummy_plugin
  run pm install dummy 0.0.1
  [ "$status" -eq 130 ]
  [ "$output" = $'\nreceived a signal, cleaning up' ]
  [ ! -e "$PM_DATA_DIR/installs/dummy/0.0.1" ]
}

@test "install with PM_DEBUG=1 traces the file and line of each step" {
  add_dummy_plugin
  PM_DEBUG=1 run pm install dummy 1.0.0
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "pm debug: pm:74: running command-install with 2 arguments" ]
  [ "${lines[1]}" = "pm debug: command-install.bash:64: installing dummy 1.0.0 into $PM_DATA_DIR/installs/dummy/1.0.0" ]
  [ "${lines[3]}" = "pm debug: pm:74: running command-reshim with 0 arguments" ]
  [ "${lines[4]}" = "pm debug: command-reshim.bash:20: shims written to $PM_DATA_DIR/shims" ]
}

@test "uninstall removes the version and the shims only it needed" {
  install_dummy 1.0.0
  run pm uninstall dummy 1.0.0
  [ "$status" -eq 0 ]
  [ "$output" = "dummy 1.0.0 uninstalled" ]
  [ ! -e "$PM_DATA_DIR/installs/dummy/1.0.0" ]
  [ ! -e "$PM_DATA_DIR/shims/dummy" ]
}

@test "uninstall without a version prints its usage" {
  add_dummy_plugin
  run pm uninstall dummy
  [ "$status" -eq 1 ]
  [ "$output" = "usage: pm uninstall <name> <version>" ]
}
