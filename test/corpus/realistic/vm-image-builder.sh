#!/usr/bin/env bash
# build-image -- build a bootable Debian VM disk image with debootstrap.
#
#   build-image [options] OUTPUT.img
#
#   -s, --suite SUITE         Debian suite (default: bookworm)
#   -a, --arch ARCH           amd64 or arm64 (default: host)
#   -S, --size SIZE           disk size for truncate(1), e.g. 4G (default: 3G)
#   -p, --packages LIST       extra packages, comma separated
#   -k, --ssh-key FILE        authorized key for the "admin" user
#   -H, --hostname NAME       default: debian-SUITE
#   -f, --format FORMAT       raw or qcow2 (default: raw)
#   -m, --mirror URL          Debian mirror
#       --keep-on-error       leave the work dir and mounts for debugging
#   -h, --help
#
# Needs root, debootstrap, sgdisk, losetup, mkfs.ext4, grub; qemu-img for qcow2.
set -Eeuo pipefail

PROG=${0##*/}
suite=bookworm
arch=$(dpkg --print-architecture)
size=3G
packages=''
ssh_key=''
hostname=''
format=raw
mirror=http://deb.debian.org/debian
keep_on_error=0

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; exit "${1:-0}"; }

# getopt(1) normalises the arguments so the loop below only sees long forms
# or short ones with separate values.
opts=$(getopt -o s:a:S:p:k:H:f:m:h \
    --long suite:,arch:,size:,packages:,ssh-key:,hostname:,format:,mirror:,keep-on-error,help \
    -n "$PROG" -- "$@") || usage 2
eval set -- "$opts"
while true; do
    case $1 in
        (-s | --suite) suite=$2; shift 2 ;;
        (-a | --arch) arch=$2; shift 2 ;;
        (-S | --size) size=$2; shift 2 ;;
        (-p | --packages) packages=$2; shift 2 ;;
        (-k | --ssh-key) ssh_key=$2; shift 2 ;;
        (-H | --hostname) hostname=$2; shift 2 ;;
        (-f | --format) format=$2; shift 2 ;;
        (-m | --mirror) mirror=$2; shift 2 ;;
        (--keep-on-error) keep_on_error=1; shift ;;
        (-h | --help) usage 0 ;;
        (--) shift; break ;;
        (*) echo "$PROG: internal error parsing '$1'" >&2; exit 70 ;;
    esac
done
(( $# == 1 )) || usage 2
output=$1
: "${hostname:=debian-${suite}}"

(( EUID == 0 )) || { echo "$PROG: must run as root" >&2; exit 1; }
case $arch in
    amd64) grub_pkg=grub-efi-amd64 grub_target=x86_64-efi kernel_pkg=linux-image-amd64 ;;
    arm64) grub_pkg=grub-efi-arm64 grub_target=arm64-efi kernel_pkg=linux-image-arm64 ;;
    *) echo "$PROG: unsupported arch $arch" >&2; exit 2 ;;
esac
[[ $format == @(raw|qcow2) ]] || { echo "$PROG: --format must be raw or qcow2" >&2; exit 2; }
if [[ -n $ssh_key && ! -r $ssh_key ]]; then
    echo "$PROG: cannot read ssh key $ssh_key" >&2
    exit 2
fi

log() { printf '\e[1;36m[%s]\e[0m %s\n' "$(date +%T)" "$*"; }

# --- cleanup stack -----------------------------------------------------------------
# Every resource we acquire pushes its undo command; cleanup runs them in
# reverse. Commands are stored %q-quoted so paths with spaces survive eval.
declare -a undo=()
push_undo() {
    local cmd
    printf -v cmd '%q ' "$@"
    undo+=("$cmd")
}
cleanup() {
    local rc=$? i
    if (( rc != 0 && keep_on_error )); then
        log "failed (exit $rc); leaving everything in place as asked:"
        printf '    %s\n' "${undo[@]}"
        return
    fi
    for (( i = ${#undo[@]} - 1; i >= 0; i-- )); do
        eval "${undo[i]}" 2>/dev/null || echo "cleanup step failed: ${undo[i]}" >&2
    done
    (( rc == 0 )) || rm -f -- "$output.partial"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

workdir=$(mktemp -d /var/tmp/build-image.XXXXXX)
push_undo rm -rf -- "$workdir"
root=$workdir/root
mkdir -p "$root"

# --- disk ------------------------------------------------------------------------------
log "creating ${size} ${format} image for ${suite}/${arch}"
truncate -s "$size" "$output.partial"
sgdisk --zap-all \
    --new=1:1MiB:+256MiB --typecode=1:ef00 --change-name=1:ESP \
    --new=2:0:0 --typecode=2:8304 --change-name=2:root \
    "$output.partial" >/dev/null

loopdev=$(losetup --find --show --partscan "$output.partial")
push_undo losetup -d "$loopdev"
udevadm settle
esp=${loopdev}p1
rootpart=${loopdev}p2

mkfs.vfat -F 32 -n ESP "$esp" >/dev/null
mkfs.ext4 -q -L root -O ^orphan_file "$rootpart"
root_uuid=$(blkid -s UUID -o value "$rootpart")
esp_uuid=$(blkid -s UUID -o value "$esp")

mount "$rootpart" "$root"
push_undo umount "$root"
mkdir -p "$root/boot/efi"
mount "$esp" "$root/boot/efi"
push_undo umount "$root/boot/efi"

# --- base system -----------------------------------------------------------------------
include="${kernel_pkg},${grub_pkg},systemd-sysv,systemd-resolved,openssh-server,sudo,ca-certificates,cloud-guest-utils,locales"
[[ -n $packages ]] && include+=",${packages}"
log "debootstrap (this takes a while)"
debootstrap --arch="$arch" --variant=minbase --include="$include" \
    "$suite" "$root" "$mirror" >"$workdir/debootstrap.log" 2>&1 || {
    tail -n 30 "$workdir/debootstrap.log" >&2
    exit 1
}

for fs in proc sys dev dev/pts; do
    mount --bind "/$fs" "$root/$fs"
    push_undo umount -l "$root/$fs"
done

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

log "configuring"
cat >"$root/etc/fstab" <<EOF
UUID=${root_uuid}  /          ext4  errors=remount-ro,noatime  0 1
UUID=${esp_uuid}   /boot/efi  vfat  umask=0077                 0 2
EOF
echo "$hostname" >"$root/etc/hostname"
printf '127.0.1.1\t%s\n' "$hostname" >>"$root/etc/hosts"

cat >"$root/etc/apt/sources.list" <<EOF
deb ${mirror} ${suite} main
deb ${mirror} ${suite}-updates main
deb http://security.debian.org/debian-security ${suite}-security main
EOF

# Network: DHCP on any ethernet interface.
cat >"$root/etc/systemd/network/20-wired.network" <<'EOF'
[Match]
Name=en* eth*

[Network]
DHCP=yes
EOF
in_root systemctl enable systemd-networkd systemd-resolved ssh >/dev/null 2>&1

# Grow the root partition on first boot to fill the (resized) disk.
cat >"$root/etc/systemd/system/grow-root.service" <<'EOF'
[Unit]
Description=Grow the root partition and filesystem
ConditionPathExists=!/var/lib/grow-root.done

[Service]
Type=oneshot
ExecStart=/bin/sh -c 'dev=$(findmnt -no SOURCE /); growpart "${dev%%p[0-9]*}" "${dev##*p}" || true; resize2fs "$dev"; touch /var/lib/grow-root.done'

[Install]
WantedBy=multi-user.target
EOF
in_root systemctl enable grow-root.service >/dev/null 2>&1

# Locale: en_US and de_DE, UTF-8 everywhere.
sed -i -e 's/^# *\(en_US.UTF-8\)/\1/' -e 's/^# *\(de_DE.UTF-8\)/\1/' "$root/etc/locale.gen"
in_root locale-gen >/dev/null
echo 'LANG=en_US.UTF-8' >"$root/etc/default/locale"

# --- users -----------------------------------------------------------------------------
in_root useradd -m -s /bin/bash -G sudo admin
in_root passwd -l root >/dev/null
echo 'admin ALL=(ALL) NOPASSWD:ALL' >"$root/etc/sudoers.d/admin"
chmod 0440 "$root/etc/sudoers.d/admin"
if [[ -n $ssh_key ]]; then
    install -d -m 0700 -o 1000 -g 1000 "$root/home/admin/.ssh"
    install -m 0600 -o 1000 -g 1000 "$ssh_key" "$root/home/admin/.ssh/authorized_keys"
else
    log "no --ssh-key given: you will only be able to log in on the console"
fi
cat >"$root/etc/ssh/sshd_config.d/50-image.conf" <<'EOF'
PasswordAuthentication no
PermitRootLogin no
EOF
# Host keys are generated on first boot, never baked into the image.
rm -f "$root"/etc/ssh/ssh_host_*_key*
cat >"$root/etc/systemd/system/ssh-keygen-first-boot.service" <<'EOF'
[Unit]
Description=Generate SSH host keys
Before=ssh.service
ConditionPathExistsGlob=!/etc/ssh/ssh_host_*_key

[Service]
Type=oneshot
ExecStart=/usr/bin/ssh-keygen -A

[Install]
WantedBy=multi-user.target
EOF
in_root systemctl enable ssh-keygen-first-boot.service >/dev/null 2>&1

# --- bootloader ------------------------------------------------------------------------
log "installing grub (${grub_target})"
sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT=.*/GRUB_CMDLINE_LINUX_DEFAULT="console=tty0 console=ttyS0,115200n8"/' \
    "$root/etc/default/grub"
echo 'GRUB_TIMEOUT=1' >>"$root/etc/default/grub"
in_root grub-install --target="$grub_target" --efi-directory=/boot/efi --removable --no-nvram >/dev/null 2>&1
in_root update-grub >/dev/null 2>&1

# --- shrink and finish -------------------------------------------------------------------
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/tmp/* "$root"/var/log/*.log
: >|"$root/etc/machine-id"
# Record what went into the image.
in_root dpkg-query -W -f='${Package}\t${Version}\n' >"${output%.*}.manifest"
cat >"${output%.*}.info" <<EOF
suite=${suite}
arch=${arch}
size=${size}
built=$(date -u +%FT%TZ)
builder=$(hostname)
packages=$(wc -l <"${output%.*}.manifest")
EOF

# Unmount everything now (reverse order) so the image is consistent, then
# clear the undo list except the work dir.
for (( i = ${#undo[@]} - 1; i >= 1; i-- )); do
    eval "${undo[i]}"
done
undo=("${undo[0]}")

if [[ $format == qcow2 ]]; then
    log "converting to qcow2"
    qemu-img convert -O qcow2 -c "$output.partial" "${output%.img}.qcow2"
    rm -f "$output.partial"
    output=${output%.img}.qcow2
else
    mv -f "$output.partial" "$output"
fi
log "done: ${output} ($(du -h --apparent-size "$output" | cut -f1) apparent, $(du -h "$output" | cut -f1) on disk)"
