#!/bin/bash
# Installs the GPU kernel driver on the host from a DaemonSet pod.
# Env: DRIVER_VERSION (required), HOST_ROOT (default /host), FORCE_REINSTALL, KERNEL_VERSION
set -euo pipefail

HOST_ROOT="${HOST_ROOT:-/host}"
CACHE_DIR="$HOST_ROOT/var/cache/gpu-driver"
INSTALL_DIR="$HOST_ROOT/opt/gpu"

[ -n "${DRIVER_VERSION:-}" ] || {
	echo "DRIVER_VERSION must be set" >&2
	exit 1
}

if [ -z "${KERNEL_VERSION:-}" ]; then
	KERNEL_VERSION=$(chroot "$HOST_ROOT" uname -r)
fi

log() { echo "[gpu-driver] $*"; }

installed_version() {
	if [ -f "$INSTALL_DIR/.version" ]; then
		cat "$INSTALL_DIR/.version"
	fi
}

download_driver() {
	local url="https://download.gpu.example/linux/${DRIVER_VERSION}/driver-${DRIVER_VERSION}.run"
	mkdir -p "$CACHE_DIR"
	if [ ! -f "$CACHE_DIR/driver-${DRIVER_VERSION}.run" ]; then
		log "downloading $url"
		curl -fL --retry 5 -o "$CACHE_DIR/driver-${DRIVER_VERSION}.run" "$url"
	fi
	DRIVER_RUN="$CACHE_DIR/driver-${DRIVER_VERSION}.run"
}

install_headers() {
	if chroot "$HOST_ROOT" test -d "/usr/src/linux-headers-$KERNEL_VERSION"; then
		return
	fi
	if chroot "$HOST_ROOT" command -v apt-get >/dev/null; then
		chroot "$HOST_ROOT" apt-get install -y "linux-headers-$KERNEL_VERSION"
	elif chroot "$HOST_ROOT" command -v dnf >/dev/null; then
		chroot "$HOST_ROOT" dnf install -y "kernel-devel-$KERNEL_VERSION"
	fi
}

current=$(installed_version)
if [ "$current" = "$DRIVER_VERSION" ] && [ "${FORCE_REINSTALL:-false}" != true ]; then
	log "driver $DRIVER_VERSION already installed"
else
	download_driver
	install_headers
	log "installing driver $DRIVER_VERSION for kernel $KERNEL_VERSION"
	sh "$DRIVER_RUN" --silent --no-drm --kernel-source-path="$HOST_ROOT/usr/src/linux-headers-$KERNEL_VERSION" \
		--installer-prefix="$INSTALL_DIR"
	echo "$DRIVER_VERSION" >"$INSTALL_DIR/.version"
fi

# BUG: DRIVER_RUN is set only by download_driver, which the "already installed" branch skips.
log "driver archive: $DRIVER_RUN"

chroot "$HOST_ROOT" modprobe gpu_core
touch /run/gpu-driver-ready
exec sleep infinity
