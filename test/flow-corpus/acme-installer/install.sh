#!/usr/bin/env bash
#
# Installs the acme command line tool.
#
#   curl -fsSL https://get.acme.example/install.sh | bash -s -- --prefix ~/.local
#
# Options:
#   --prefix DIR      install under DIR (default: /usr/local)
#   --version VER     install VER instead of the latest release
#   --no-modify-path  do not touch shell rc files
#   -y, --yes         do not ask for confirmation

set -eu

RELEASES_URL="https://releases.acme.example/cli"
PREFIX="/usr/local"
MODIFY_PATH=1
ASSUME_YES=0

usage() {
	cat <<USAGE
usage: $0 [--prefix DIR] [--version VER] [--no-modify-path] [-y]
USAGE
	exit "${1:-0}"
}

say() {
	printf 'acme-install: %s\n' "$1"
}

err() {
	say "error: $1" >&2
	exit 1
}

need_cmd() {
	if ! command -v "$1" >/dev/null 2>&1; then
		err "need '$1' (command not found)"
	fi
}

detect_platform() {
	local os arch
	os="$(uname -s)"
	arch="$(uname -m)"
	case "$os" in
		Linux) os=linux ;;
		Darwin) os=darwin ;;
		*) err "unsupported OS: $os" ;;
	esac
	case "$arch" in
		x86_64 | amd64) arch=amd64 ;;
		aarch64 | arm64) arch=arm64 ;;
		*) err "unsupported architecture: $arch" ;;
	esac
	PLATFORM="${os}-${arch}"
}

latest_version() {
	curl -fsSL "$RELEASES_URL/latest.txt"
}

download() {
	local url="$1" dest="$2"
	say "downloading $url"
	if command -v curl >/dev/null 2>&1; then
		curl -fsSL --retry 3 -o "$dest" "$url"
	else
		wget -q -O "$dest" "$url"
	fi
}

verify_checksum() {
	local file="$1" sums="$2"
	local expected actual
	expected="$(grep " $(basename "$file")\$" "$sums" | cut -d' ' -f1)"
	if command -v sha256sum >/dev/null 2>&1; then
		actual="$(sha256sum "$file" | cut -d' ' -f1)"
	elif command -v shasum >/dev/null 2>&1; then
		actual="$(shasum -a 256 "$file" | cut -d' ' -f1)"
	fi
	# BUG: $actual is never assigned when neither tool exists.
	if [ "$expected" != "$actual" ]; then
		err "checksum mismatch for $file"
	fi
}

add_to_path() {
	local rc
	for rc in "$HOME/.bashrc" "$HOME/.zshrc"; do
		[ -f "$rc" ] || continue
		if ! grep -q "$PREFIX/bin" "$rc"; then
			printf '\nexport PATH="%s/bin:$PATH"\n' "$PREFIX" >>"$rc"
			say "added $PREFIX/bin to PATH in $rc"
			UPDATED_RC="$rc"
		fi
	done
}

confirm() {
	if [ "$ASSUME_YES" -eq 1 ]; then
		return 0
	fi
	printf '%s [y/N] ' "$1"
	read -r answer </dev/tty
	case "$answer" in
		y | Y | yes) return 0 ;;
		*) return 1 ;;
	esac
}

main() {
	while [ $# -gt 0 ]; do
		case "$1" in
			--prefix)
				PREFIX="$2"
				shift 2
				;;
			--prefix=*)
				PREFIX="${1#*=}"
				shift
				;;
			--version)
				VERSION="$2"
				shift 2
				;;
			--no-modify-path)
				MODIFY_PATH=0
				shift
				;;
			-y | --yes)
				ASSUME_YES=1
				shift
				;;
			-h | --help)
				usage 0
				;;
			*)
				say "unknown option: $1"
				usage 2
				;;
		esac
	done

	need_cmd uname
	need_cmd tar
	need_cmd mktemp

	detect_platform
	if [ -z "${VERSION:-}" ]; then
		VERSION="$(latest_version)"
	fi

	confirm "install acme $VERSION ($PLATFORM) into $PREFIX?" || exit 1

	tmp="$(mktemp -d)"
	trap 'rm -rf "$tmp"' EXIT

	archive="acme-${VERSION}-${PLATFORM}.tar.gz"
	download "$RELEASES_URL/$VERSION/$archive" "$tmp/$archive"
	download "$RELEASES_URL/$VERSION/SHA256SUMS" "$tmp/SHA256SUMS"
	verify_checksum "$tmp/$archive" "$tmp/SHA256SUMS"

	tar -xzf "$tmp/$archive" -C "$tmp"
	mkdir -p "$PREFIX/bin"
	install -m 0755 "$tmp/acme" "$PREFIX/bin/acme"
	say "installed $PREFIX/bin/acme"

	if [ "$MODIFY_PATH" -eq 1 ]; then
		add_to_path
	fi
	# BUG: UPDATED_RC is only set when add_to_path ran and changed a file.
	if [ -n "$UPDATED_RC" ]; then
		say "restart your shell or run: . $UPDATED_RC"
	fi
}

main "$@"
