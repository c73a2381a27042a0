#!/usr/bin/env bash
# Installs copilotd into ~/.copilotd/bin (in the style of
# DamianEdwards/copilotd's scripts/install/install-copilotd.sh).
set -euo pipefail

quality="Release"
force=0
install_dir="${COPILOTD_INSTALL_DIR:-${HOME}/.copilotd/bin}"

log() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

cleanup() {
  if [[ -n "${temp_root}" && -d "${temp_root}" ]]; then
    rm -rf "${temp_root}"
  fi
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quality) quality="$2"; shift 2 ;;
      --force) force=1; shift ;;
      --skip-provenance) shift ;;
      *) fail "unknown option: $1" ;;
    esac
  done
}

install_copilotd() {
  local temp_root version archive
  temp_root="$(mktemp -d)"
  trap cleanup EXIT

  version="$(curl -fsSL "https://example.invalid/copilotd/${quality}/latest.txt")"
  archive="${temp_root}/copilotd-${version}.tar.gz"
  curl -fsSL -o "${archive}" "https://example.invalid/copilotd/${quality}/copilotd-${version}.tar.gz"
  mkdir -p "${install_dir}"
  tar -xzf "${archive}" -C "${install_dir}"
  if [[ "${force}" -eq 1 ]]; then
    log "Replaced any existing install."
  fi
  log "copilotd ${version} is ready to use from '${install_dir}'."
}

parse_args "$@"
install_copilotd
