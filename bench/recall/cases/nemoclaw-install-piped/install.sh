#!/usr/bin/env bash
# Installs the nemoclaw CLI (in the style of NVIDIA/NemoClaw's install.sh, which its README runs
# as `curl -fsSL …/nemoclaw.sh | bash`).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${NEMOCLAW_PREFIX:-$HOME/.local}"

info() { printf '[nemoclaw] %s\n' "$*"; }

install_cli() {
  mkdir -p "$PREFIX/bin"
  if [ -f "$SCRIPT_DIR/bin/nemoclaw" ]; then
    info "installing the local checkout"
  else
    info "downloading the release"
    curl -fsSL -o "$PREFIX/bin/nemoclaw" "https://example.invalid/nemoclaw"
  fi
  info "installed to $PREFIX/bin"
}

install_cli
