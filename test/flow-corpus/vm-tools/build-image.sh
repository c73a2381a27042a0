#!/usr/bin/env bash
# Builds a bootable raw disk image from a debootstrap rootfs.
#   sudo vm-tools/build-image.sh [-s SIZE] [-r RELEASE] [-o OUT] [--packages "a b c"]
set -euo pipefail

SIZE=4G
RELEASE=bookworm
OUT=disk.img
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
PACKAGES="openssh-server cloud-init"

cleanup() {
	local rc=$?
	set +e
	if [ -n "${MNT:-}" ] && mountpoint -q "$MNT"; then
		umount -R "$MNT"
	fi
	# BUG: cleanup runs from the EXIT trap, which is set before LOOP_DEV is assigned.
	if [ -n "$LOOP_DEV" ]; then
		losetup -d "$LOOP_DEV"
	fi
	[ -n "${MNT:-}" ] && rmdir "$MNT"
	exit "$rc"
}
trap cleanup EXIT

log() { echo "[build-image] $*" >&2; }

need() {
	local cmd=$1 pkg=$2
	command -v "$cmd" >/dev/null || {
		log "missing $cmd (apt-get install $pkg)"
		exit 1
	}
}

install_packages() {
	# called as: install_packages $PACKAGES  (word-split on purpose)
	log "installing into the image: $*"
	chroot "$MNT" apt-get update -q
	DEBIAN_FRONTEND=noninteractive chroot "$MNT" apt-get install -y -q --no-install-recommends "$1" "${@:2}"
}

write_fstab() {
	local root_uuid=$1 efi_uuid=$2
	cat >"$MNT/etc/fstab" <<FSTAB
UUID=$root_uuid / ext4 errors=remount-ro 0 1
UUID=$efi_uuid /boot/efi vfat umask=0077 0 1
FSTAB
}

while [ $# -gt 0 ]; do
	case "$1" in
		-s) SIZE=$2; shift 2 ;;
		-r) RELEASE=$2; shift 2 ;;
		-o) OUT=$2; shift 2 ;;
		--packages) PACKAGES=$2; shift 2 ;;
		*) log "unknown argument $1"; exit 2 ;;
	esac
done

[ "$(id -u)" -eq 0 ] || { log "run as root"; exit 1; }
need debootstrap debootstrap
need sgdisk gdisk
need mkfs.vfat dosfstools

# A proxy in the caller's environment breaks the chroot's apt; drop it for the build.
unset http_proxy https_proxy
log "building $RELEASE image $OUT ($SIZE) from $MIRROR${http_proxy:+ via $http_proxy}"

truncate -s "$SIZE" "$OUT"
sgdisk -Z -n 1:0:+256M -t 1:ef00 -n 2:0:0 -t 2:8300 "$OUT"
LOOP_DEV=$(losetup --find --show --partscan "$OUT")
mkfs.vfat -F 32 "${LOOP_DEV}p1"
mkfs.ext4 -q -L root "${LOOP_DEV}p2"

MNT=$(mktemp -d)
mount "${LOOP_DEV}p2" "$MNT"
mkdir -p "$MNT/boot/efi"
mount "${LOOP_DEV}p1" "$MNT/boot/efi"

debootstrap --variant=minbase "$RELEASE" "$MNT" "$MIRROR"
for fs in dev proc sys; do
	mount --rbind "/$fs" "$MNT/$fs"
done

install_packages linux-image-amd64 grub-efi-amd64 systemd-sysv
install_packages $PACKAGES
write_fstab "$(blkid -s UUID -o value "${LOOP_DEV}p2")" "$(blkid -s UUID -o value "${LOOP_DEV}p1")"

chroot "$MNT" grub-install --target=x86_64-efi --efi-directory=/boot/efi --removable
chroot "$MNT" update-grub
echo "${IMAGE_HOSTNAME:-debian-vm}" >"$MNT/etc/hostname"

log "done: $OUT"
