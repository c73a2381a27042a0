#!/bin/bash
# Builds a distro package of the server binary (deb or rpm, from /etc/os-release).
set -eu

. /etc/os-release
source "$(dirname "$0")/lib/common.sh"

VERSION="${VERSION_OVERRIDE:-$(git -C "$REPO_ROOT" describe --tags --always | sed 's/^v//')}"
PKG_NAME=webapp-server
BUILD_DIR=$(mktemp -d)
trap 'rm -rf "$BUILD_DIR"' EXIT

case "$ID" in
	debian | ubuntu)
		FORMAT=deb
		;;
	fedora | rhel | centos | rocky)
		FORMAT=rpm
		;;
	*)
		case "$ID_LIKE" in
			*debian*) FORMAT=deb ;;
			*rhel* | *fedora*) FORMAT=rpm ;;
		esac
		;;
esac

[ -n "${FORMAT:-}" ] || die "cannot package for $PRETTY_NAME"

log "packaging $PKG_NAME $VERSION as $FORMAT for $NAME $VERSION_ID"

install -D -m 0755 "$REPO_ROOT/bin/server" "$BUILD_DIR/usr/bin/webapp-server"
install -D -m 0644 "$REPO_ROOT/deploy/webapp.service" "$BUILD_DIR/lib/systemd/system/webapp.service"

fpm -s dir -t "$FORMAT" \
	-n "$PKG_NAME" \
	-v "$VERSION" \
	--iteration "${BUILD_NUMBER:-1}" \
	--description "Web app server" \
	-C "$BUILD_DIR" \
	-p "$ARTIFACTS_DIR/" \
	.

log "package written to $ARTIFACTS_DIR"
