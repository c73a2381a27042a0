#!/bin/sh
# POSIX installer for a prebuilt tarball; works with dash, ash and bash.
#   sh install-from-tarball.sh [-b BINDIR] [-v VERSION]
set -e

BINDIR=/usr/local/bin
REPO=example/fetcher

usage() {
	echo "usage: $0 [-b BINDIR] [-v VERSION]" >&2
	exit 1
}

while getopts "b:v:h" arg; do
	case "$arg" in
		b) BINDIR="$OPTARG" ;;
		v) VERSION="$OPTARG" ;;
		*) usage ;;
	esac
done
shift $((OPTIND - 1))

http_get() {
	if command -v curl >/dev/null 2>&1; then
		curl -fsSL "$1"
	elif command -v wget >/dev/null 2>&1; then
		wget -q -O - "$1"
	else
		echo "need curl or wget" >&2
		return 1
	fi
}

resolve_version() {
	http_get "https://api.github.com/repos/$REPO/releases/latest" |
		sed -n 's/.*"tag_name": *"v\{0,1\}\([^"]*\)".*/\1/p'
}

if [ -z "$VERSION" ]; then
	VERSION=$(resolve_version)
fi

os=$(uname -s | tr 'A-Z' 'a-z')
arch=$(uname -m)
case "$arch" in
	x86_64) arch=amd64 ;;
	aarch64) arch=arm64 ;;
esac

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT INT TERM

name="fetcher_${VERSION}_${os}_${arch}"
http_get "https://github.com/$REPO/releases/download/v$VERSION/$name.tar.gz" >"$tmpdir/$name.tar.gz"
tar -xzf "$tmpdir/$name.tar.gz" -C "$tmpdir"

if [ -w "$BINDIR" ]; then
	install -m 755 "$tmpdir/fetcher" "$BINDIR/fetcher"
else
	sudo install -m 755 "$tmpdir/fetcher" "$BINDIR/fetcher"
fi
echo "installed fetcher $VERSION to $BINDIR"
