#!/usr/bin/env bash
# Installs the ms binary from a release archive (in the style of
# Dicklesworthstone/meta_skill's install.sh, run as `curl … | bash`).
set -euo pipefail

REPO="example/meta_skill"
BIN_DIR="${HOME}/.local/bin"

info() { printf '==> %s\n' "$*"; }

detect_target() {
  case "$(uname -s)" in
    Linux) echo "x86_64-unknown-linux-gnu" ;;
    Darwin) echo "aarch64-apple-darwin" ;;
    *) echo "unsupported" ;;
  esac
}

main() {
  local target temp_dir
  target="$(detect_target)"
  temp_dir="$(mktemp -d)"
  trap 'rm -rf "${temp_dir:-}"' EXIT

  info "Downloading ms for ${target}"
  curl -fsSL -o "${temp_dir}/ms.tar.gz" "https://example.invalid/${REPO}/ms-${target}.tar.gz"
  tar -xzf "${temp_dir}/ms.tar.gz" -C "${temp_dir}"
  mkdir -p "${BIN_DIR}"
  info "Installed ms to ${BIN_DIR}"
}

main "$@"
