#!/usr/bin/env bash
# pzmod installer: fetches the release for this platform and installs the binary (in the style
# of kldzj/pzmod's install.sh).
set -eu

VERSION="${PZMOD_VERSION:-latest}"
PREFIX="${PZMOD_PREFIX:-$HOME/.local}"

say() { printf 'pzmod-install: %s\n' "$1"; }

platform() {
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  echo "${os}-amd64"
}

main() {
  local tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  local asset="pzmod-$(platform).tar.gz"
  say "downloading ${asset} (${VERSION})"
  curl -fsSL -o "$tmp/$asset" "https://example.invalid/pzmod/releases/${VERSION}/${asset}"
  tar -xzf "$tmp/$asset" -C "$tmp"
  mkdir -p "$PREFIX/bin"
  say "installed to $PREFIX/bin/pzmod"
}

main "$@"
