#!/usr/bin/env bash
# Sets up a development checkout: toolchain, git hooks, local config.
# Run from anywhere inside the repository.

set -o errexit
set -o nounset
set -o pipefail

ROOT="$(git rev-parse --show-toplevel)"
GO_VERSION="1.22.4"
GOLANGCI_VERSION="1.59.1"

info() { printf '\033[1;34m==>\033[0m %s\n' "$1"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$1" >&2; }

have() { command -v "$1" >/dev/null 2>&1; }

install_go() {
	local version=$1
	local os arch
	os=$(uname -s | tr '[:upper:]' '[:lower:]')
	arch=$(uname -m)
	[ "$arch" = x86_64 ] && arch=amd64
	[ "$arch" = aarch64 ] && arch=arm64
	info "installing go $version"
	curl -fsSL "https://go.dev/dl/go${version}.${os}-${arch}.tar.gz" | tar -C "$HOME/.local" -xz
}

ensure_tool() {
	local name=$1 version=$2 installer=$3
	if have "$name"; then
		info "$name already installed"
	else
		"$installer" "$version"
	fi
}

install_golangci() {
	curl -sSfL https://raw.githubusercontent.com/golangci/golangci-lint/master/install.sh |
		sh -s -- -b "$HOME/.local/bin" "v$1"
}

link_hooks() {
	local hook
	for hook in "$ROOT"/githooks/*; do
		ln -sf "$hook" "$ROOT/.git/hooks/$(basename "$hook")"
	done
	info "git hooks linked"
}

write_local_config() {
	local cfg="$ROOT/.env.local"
	if [ -f "$cfg" ]; then
		info "$cfg exists, leaving it"
		return
	fi
	cat >"$cfg" <<CFG
ACME_API=http://localhost:8080
ACME_LOG_LEVEL=debug
ACME_USER=$USER
CFG
	info "wrote $cfg"
}

mkdir -p "$HOME/.local/bin"
ensure_tool go "$GO_VERSION" install_go
ensure_tool golangci-lint "$GOLANGCI_VERSION" install_golangci
link_hooks
write_local_config

if ! have pre-commit; then
	warn "pre-commit not found; pip install pre-commit for the full hook set"
fi
if [ -n "${CI:-}" ]; then
	info "CI detected, skipping editor setup"
	exit 0
fi
if have code; then
	code --install-extension golang.go >/dev/null
fi
info "done; open $ROOT in your editor"
