#!/bin/sh
# First-boot setup for an Alpine VM: packages, user, ssh keys, hostname.
# Reads /etc/setup.conf (HOSTNAME_NEW, ADMIN_USER, SSH_KEYS_URL, EXTRA_PACKAGES).
set -eu

CONF=/etc/setup.conf
ADMIN_USER=admin
EXTRA_PACKAGES=""
if [ -f "$CONF" ]; then
	. "$CONF"
fi

log() {
	printf 'setup: %s\n' "$*"
	logger -t alpine-setup "$*" 2>/dev/null || true
}

add_packages() {
	local pkgs="$*"
	log "installing: $pkgs"
	apk update --quiet
	apk add --no-cache $pkgs
}

create_user() {
	local user="$1"
	if id "$user" >/dev/null 2>&1; then
		log "user $user exists"
		return 0
	fi
	adduser -D -s /bin/ash "$user"
	addgroup "$user" wheel
	echo "permit nopass :wheel" >/etc/doas.d/wheel.conf
	log "created $user"
}

install_keys() {
	local user="$1" url="$2"
	local home
	home=$(getent passwd "$user" | cut -d: -f6)
	mkdir -p "$home/.ssh"
	wget -q -O "$home/.ssh/authorized_keys" "$url"
	chmod 700 "$home/.ssh"
	chmod 600 "$home/.ssh/authorized_keys"
	chown -R "$user:$user" "$home/.ssh"
	log "installed $(wc -l <"$home/.ssh/authorized_keys") keys for $user"
}

add_packages openssh doas curl ca-certificates $EXTRA_PACKAGES
create_user "$ADMIN_USER"

if [ -n "${SSH_KEYS_URL:-}" ]; then
	install_keys "$ADMIN_USER" "$SSH_KEYS_URL"
fi

if [ -n "$HOSTNAME_NEW" ]; then
	echo "$HOSTNAME_NEW" >/etc/hostname
	hostname -F /etc/hostname
fi

sed -i 's/^#\?PermitRootLogin.*/PermitRootLogin no/; s/^#\?PasswordAuthentication.*/PasswordAuthentication no/' /etc/ssh/sshd_config
rc-update add sshd default
rc-service sshd restart
log "done: $(hostname)"
