#!/usr/bin/env bash
### Created by bashew, in the style of pforret/bashew's script template
### Based on https://github.com/pforret/bashew

script_version="0.0.1"
readonly script_author="author@example.com"

function Option:config() {
  grep <<<"
#commented lines will be filtered
flag|h|help|show usage
flag|q|quiet|no output
flag|v|verbose|also show debug messages
option|l|log_dir|folder for log files |log
param|?|action|action to perform: check/run
" -v -e '^#' -e '^\s*$'
}

function Script:main() {
  IO:log "[$script_basename] $script_version started"
  case "${action,,}" in
  check) IO:success "all good" ;;
  run) IO:print "running" ;;
  *) IO:die "action [$action] not recognized" ;;
  esac
}

#####################################################################
## Put your helper scripts here
#####################################################################

function IO:initialize() {
  script_started_at="$(date '+%Y-%m-%d %H:%M:%S')"
  IO:debug "script $script_basename started at $script_started_at"

  [[ -t 1 ]] && piped=0 || piped=1
  if [[ $piped -eq 0 ]]; then
    txtReset=$(tput sgr0)
    txtError=$(tput setaf 160)
    txtInfo=$(tput setaf 2)
    txtWarn=$(tput setaf 214)
  else
    txtReset=""
    txtError=""
    txtInfo=""
    txtWarn=""
  fi
}

function IO:print() { ((quiet)) && true || printf '%b\n' "$*"; }
function IO:debug() { ((verbose)) && IO:__announce "${txtInfo}# $*${txtReset}" >&2; true; }
function IO:success() { IO:print "${txtInfo}✓ $*${txtReset}"; }
function IO:die() {
  IO:print "${txtError}✗ $script_basename${txtReset}: $*" >&2
  Script:exit 1
}
function IO:log() { [[ -n "${log_file:-}" ]] && echo "$(date '+%H:%M:%S') | $*" >>"$log_file"; true; }
function IO:__announce() { printf '%b\n' "$*"; }

function Script:exit() {
  trap - INT TERM EXIT
  exit "${1:-0}"
}

function Option:parse() {
  verbose=0
  quiet=0
  log_dir=log
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -v|--verbose) verbose=1 ;;
      -q|--quiet) quiet=1 ;;
      -h|--help) Option:config; Script:exit 0 ;;
      -*) IO:die "cannot interpret option [$1]" ;;
      *) action=$1 ;;
    esac
    shift
  done
  [[ -n "${action:-}" ]] || IO:die "need the parameter [action]"
}

function Script:meta() {
  script_install_path="${BASH_SOURCE[0]}"
  script_install_folder="$(cd -P "$(dirname "$script_install_path")" && pwd)"
}

function Script:init() {
  log_file="${log_dir}/${script_basename}.$(date +%F).log"
}

#####################################################################
################### DO NOT MODIFY BELOW THIS LINE ###################
#####################################################################

set -uo pipefail
script_basename=$(basename "${BASH_SOURCE[0]}")
error_prefix=">"
trap "IO:die \"ERROR \$? after \$SECONDS seconds \n\${error_prefix} last command : '\$BASH_COMMAND' \" \$(< \$script_install_path awk -v lineno=\$LINENO 'NR == lineno {print \"\${error_prefix} from line \" lineno \" : \" \$0}')" INT TERM EXIT

Option:parse "$@"
IO:initialize
Script:meta
Script:init
Script:main
Script:exit 0
