#!/bin/bash
# packaging/build-deb.sh -- build .deb packages without debhelper.
#
# Usage: packaging/build-deb.sh VERSION [ARCH...]
#   e.g. packaging/build-deb.sh 3.2.0 amd64 arm64
#
# Expects prebuilt binaries in build/<arch>/, produced by `make release`.
# This file is indented with tabs on purpose: the <<- heredocs strip them.

set -eu
set -o pipefail

PKG_NAME=metricsd
MAINTAINER="Platform Team <platform@example.org>"
HOMEPAGE=https://example.org/metricsd
SECTION=net
PRIORITY=optional

version=${1:?usage: $0 VERSION [ARCH...]}
shift
archs=("$@")
(( ${#archs[@]} )) || archs=(amd64 arm64)

# Debian versions may not contain '-' in the upstream part unless a revision
# follows, and use '~' for pre-releases so 3.2.0~rc1 sorts before 3.2.0.
deb_version=${version/-rc/\~rc}
deb_version=${deb_version/-beta/\~beta}
deb_revision=${DEB_REVISION:-1}
full_version="${deb_version}-${deb_revision}"

outdir=$(pwd)/out
workroot=$(mktemp -d)
trap 'rm -rf "$workroot"' EXIT

log() {
	echo "[build-deb] $*" >&2
}

installed_size() {
	# dpkg wants KiB, rounded up.
	local kib
	kib=$(du -sk --apparent-size "$1" | cut -f1)
	echo $(( kib + 1 ))
}

write_control() {
	local root=$1 arch=$2
	mkdir -p "$root/DEBIAN"
	cat >"$root/DEBIAN/control" <<-EOF
		Package: ${PKG_NAME}
		Version: ${full_version}
		Architecture: ${arch}
		Maintainer: ${MAINTAINER}
		Installed-Size: $(installed_size "$root")
		Depends: adduser, libc6 (>= 2.31), ca-certificates
		Recommends: logrotate
		Section: ${SECTION}
		Priority: ${PRIORITY}
		Homepage: ${HOMEPAGE}
		Description: lightweight metrics collection daemon
		 metricsd scrapes local exporters and forwards samples to a remote
		 write endpoint, buffering to disk while the endpoint is unreachable.
	EOF
}

write_maintainer_scripts() {
	local root=$1
	# The scripts themselves must not be expanded now: quote the delimiter.
	cat >"$root/DEBIAN/postinst" <<-'EOF'
		#!/bin/sh
		set -e
		case "$1" in
		configure)
			if ! getent passwd metricsd >/dev/null; then
				adduser --system --group --home /var/lib/metricsd --no-create-home metricsd
			fi
			install -d -o metricsd -g metricsd -m 0750 /var/lib/metricsd
			if [ -d /run/systemd/system ]; then
				systemctl daemon-reload >/dev/null || true
				deb-systemd-helper enable metricsd.service >/dev/null || true
				deb-systemd-invoke restart metricsd.service >/dev/null || true
			fi
			;;
		esac
		exit 0
	EOF
	cat >"$root/DEBIAN/prerm" <<-'EOF'
		#!/bin/sh
		set -e
		if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
			deb-systemd-invoke stop metricsd.service >/dev/null || true
		fi
		exit 0
	EOF
	cat >"$root/DEBIAN/postrm" <<-'EOF'
		#!/bin/sh
		set -e
		if [ "$1" = purge ]; then
			rm -rf /var/lib/metricsd /etc/metricsd
			deluser --system metricsd >/dev/null 2>&1 || true
		fi
		exit 0
	EOF
	chmod 0755 "$root"/DEBIAN/{postinst,prerm,postrm}
	printf '%s\n' /etc/metricsd/metricsd.yaml /etc/default/metricsd >"$root/DEBIAN/conffiles"
}

write_payload() {
	local root=$1 arch=$2 bin="build/${arch}/${PKG_NAME}"
	[ -x "$bin" ] || { log "missing $bin; run 'make release' first"; return 1; }

	install -D -m 0755 "$bin" "$root/usr/bin/${PKG_NAME}"
	install -D -m 0644 packaging/metricsd.yaml "$root/etc/metricsd/metricsd.yaml"
	install -d "$root"/{var/lib/metricsd,usr/share/doc/${PKG_NAME},lib/systemd/system}

	cat >"$root/lib/systemd/system/${PKG_NAME}.service" <<-EOF
		[Unit]
		Description=metrics collection daemon
		Documentation=${HOMEPAGE}
		After=network-online.target
		Wants=network-online.target

		[Service]
		User=metricsd
		EnvironmentFile=-/etc/default/metricsd
		ExecStart=/usr/bin/${PKG_NAME} --config /etc/metricsd/metricsd.yaml \$METRICSD_OPTS
		Restart=on-failure
		ProtectSystem=strict
		ReadWritePaths=/var/lib/metricsd

		[Install]
		WantedBy=multi-user.target
	EOF

	cat >"$root/etc/default/${PKG_NAME}" <<-EOF
		# Extra command-line options for ${PKG_NAME}, see ${PKG_NAME} --help
		METRICSD_OPTS=""
	EOF

	# Debian wants a compressed changelog and a copyright file.
	{
		printf '%s (%s) stable; urgency=medium\n\n' "$PKG_NAME" "$full_version"
		printf '  * Upstream release %s.\n\n' "$version"
		printf ' -- %s  %s\n' "$MAINTAINER" "$(date -R)"
	} | gzip -9n >"$root/usr/share/doc/${PKG_NAME}/changelog.Debian.gz"
	cp LICENSE "$root/usr/share/doc/${PKG_NAME}/copyright"
}

build_one() {
	local arch=$1 root="$workroot/$1"
	log "building ${PKG_NAME}_${full_version}_${arch}.deb"
	write_payload "$root" "$arch"
	write_control "$root" "$arch"
	write_maintainer_scripts "$root"

	# md5sums of everything outside DEBIAN/, paths relative to the root.
	(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' |
		xargs -0 md5sum) >"$root/DEBIAN/md5sums"

	mkdir -p "$outdir"
	fakeroot dpkg-deb --build -Zxz "$root" "$outdir/${PKG_NAME}_${full_version}_${arch}.deb" >/dev/null
	if command -v lintian >/dev/null; then
		lintian --no-tag-display-limit "$outdir/${PKG_NAME}_${full_version}_${arch}.deb" || log "lintian complained (not fatal)"
	fi
}

for a in "${archs[@]}"; do
	case $a in
		amd64 | arm64 | armhf | i386 | ppc64el | s390x) build_one "$a" ;;
		*) log "skipping unknown architecture '$a'" ;;
	esac
done

log "done:"
ls -1sh "$outdir"/*.deb
