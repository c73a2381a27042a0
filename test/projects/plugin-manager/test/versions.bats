#!/usr/bin/env bats
# pm list-all / current / where

load test_helpers

setup() {
  setup_pm
}

@test "list-all prints the released versions on one line" {
  add_dummy_plugin
  run pm list-all dummy
  [ "$status" -eq 0 ]
  [ "$output" = "1.0.0 1.1.0 2.0.0" ]
}

@test "list-all with an unknown channel fails" {
  add_dummy_plugin
  run pm list-all dummy beta
  [ "$status" -eq 1 ]
  [ "$output" = "unknown channel: beta (release or nightly)" ]
}

@test "list-all without a plugin name says none was given" {
  run pm list-all
  [ "$status" -eq 1 ]
  [ "$output" = "No plugin given" ]
}

@test "current without a name shows every tool .tool-versions lists" {
  install_dummy 1.0.0
  select_version dummy 1.0.0
  select_version other 3.0.0
  run pm current
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "dummy      1.0.0      installed" ]
  [ "${lines[1]}" = "other      3.0.0      not installed" ]
}

@test "current NAME shows that tool only; the HOME file counts when the project has none" {
  printf 'dummy 2.0.0\nother 1.0.0\n' >"$HOME/.tool-versions"
  run pm current other
  [ "$status" -eq 0 ]
  [ "$output" = "other      1.0.0      not installed" ]
}

@test "where prints the directory of the selected version" {
  install_dummy 1.1.0
  select_version dummy 1.1.0
  run pm where dummy
  [ "$status" -eq 0 ]
  [ "$output" = "$PM_DATA_DIR/installs/dummy/1.1.0" ]
}

@test "where of a version not installed shows bash's cd error with its line" {
  add_dummy_plugin
  run pm where dummy 9.9.9
  [ "$status" -eq 1 ]
  [ "$output" = "$PROJECT_ROOT/lib/commands/command-where.bash: line 13: cd: $PM_DATA_DIR/installs/dummy/9.9.9: No such file or directory" ]
}
