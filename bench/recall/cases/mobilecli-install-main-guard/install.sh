#!/usr/bin/env bash
# Installs the mobilecli binary (in the style of MobileCLI/mobilecli's install.sh, which its README
# runs as `curl -fsSL …/install.sh | bash`): everything is in functions, and a guard at the bottom
# runs install only when the file is executed rather than sourced.
set -euo pipefail

INSTALL_DIR="${MOBILECLI_INSTALL_DIR:-$HOME/.mobilecli/bin}"

say() { printf 'mobilecli: %s\n' "$*"; }

detect_platform() {
  case "$(uname -s)" in
    Linux) echo linux ;;
    Darwin) echo darwin ;;
    *) echo unknown ;;
  esac
}

install() {
  local platform
  platform="$(detect_platform)"
  mkdir -p "$INSTALL_DIR"
  say "downloading mobilecli for ${platform}"
  curl -fsSL -o "$INSTALL_DIR/mobilecli" "https://example.invalid/mobilecli-${platform}"
  say "installed to $INSTALL_DIR"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  install
fi
