#!/usr/bin/env bash
# _hooks.sh - named hooks that scripts register functions for and run later.
# In the style of OleksandrKucherenko/e-bash's _hooks.sh: a library sourced by scripts that may
# run with set -u; hook names are keys of associative arrays.

declare -g -A __HOOKS_DEFINED=()
declare -g -A __HOOKS_REGISTERED=()

# hooks:declare NAME... - make hook names known.
function hooks:declare() {
  local hook_name
  for hook_name in "$@"; do
    __HOOKS_DEFINED[$hook_name]=1
  done
}

# hooks:register NAME FUNC - run FUNC when NAME runs.
function hooks:register() {
  local hook_name=$1 func=$2
  local registered="${__HOOKS_REGISTERED[$hook_name]:-}"
  __HOOKS_REGISTERED[$hook_name]="${registered:+$registered }$func"
}

# hooks:do NAME ARGS... - run every function registered for NAME.
function hooks:do() {
  local hook_name=$1
  shift
  local registered="${__HOOKS_REGISTERED[$hook_name]:-}"
  local func
  for func in $registered; do
    "$func" "$@"
  done
}
