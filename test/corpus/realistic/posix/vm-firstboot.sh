#!/bin/sh
# firstboot.sh -- one-time provisioning of a fresh VM image, run by a
# oneshot unit (or rc.local on the Alpine images) before any service starts.
#
# Reads key=value settings from the config drive (/mnt/config/firstboot.env
# or the file given as $1), then: hostname, users + SSH keys, sshd hardening,
# swap file, time sync, and a motd. Writes /var/lib/firstboot.done at the end
# so it never runs twice.
#
# POSIX sh (Debian dash, Alpine ash, FreeBSD sh).

set -eu

DONE_MARKER=/var/lib/firstboot.done
ENV_FILE=${1:-/mnt/config/firstboot.env}
LOG=/var/log/firstboot.log

[ -e "$DONE_MARKER" ] && exit 0
start_ts=$(date +%s)

# Log to the file and to the console.
exec >>"$LOG" 2>&1
echo "=== firstboot started $(date) (pid $$) ==="

log() { printf '[firstboot] %s\n' "$*"; }

# --- settings --------------------------------------------------------------
HOSTNAME_FQDN=''
ADMIN_USERS=''
SSH_KEYS_URL=''
SWAP_MB=0
TIMEZONE=UTC
NTP_SERVERS='0.pool.ntp.org 1.pool.ntp.org'
MOTD_TEXT=''

if [ -r "$ENV_FILE" ]; then
    # Parse key=value lines ourselves instead of sourcing: the drive is
    # not trusted to contain shell code.
    while IFS='=' read -r key value; do
        case "$key" in
            '' | \#*) continue ;;
        esac
        # Strip one pair of surrounding quotes.
        case "$value" in
            \"*\") value=${value#\"}; value=${value%\"} ;;
            \'*\') value=${value#\'}; value=${value%\'} ;;
        esac
        case "$key" in
            HOSTNAME_FQDN | ADMIN_USERS | SSH_KEYS_URL | SWAP_MB | TIMEZONE | NTP_SERVERS | MOTD_TEXT)
                eval "$key=\$value"
                ;;
            *) log "ignoring unknown setting $key" ;;
        esac
    done <"$ENV_FILE"
else
    log "no settings file at $ENV_FILE; using defaults"
fi

os_id=unknown
if [ -r /etc/os-release ]; then
    os_id=$(. /etc/os-release && echo "${ID:-unknown}")
fi
log "OS: $os_id"

# --- hostname ----------------------------------------------------------------
if [ -n "$HOSTNAME_FQDN" ]; then
    short=${HOSTNAME_FQDN%%.*}
    log "hostname $HOSTNAME_FQDN"
    echo "$short" >/etc/hostname
    hostname "$short"
    if ! grep -q "[[:space:]]$short\$" /etc/hosts; then
        printf '127.0.1.1\t%s %s\n' "$HOSTNAME_FQDN" "$short" >>/etc/hosts
    fi
fi

# --- users and keys ----------------------------------------------------------
fetch_keys() {
    # fetch_keys USER -> authorized_keys content on stdout
    [ -n "$SSH_KEYS_URL" ] || return 0
    _url=$(printf '%s' "$SSH_KEYS_URL" | sed "s/{user}/$1/g")
    if command -v curl >/dev/null 2>&1; then
        curl -fsS --retry 3 "$_url"
    else
        wget -q -O - "$_url"
    fi
}

add_user() {
    _u=$1
    if id "$_u" >/dev/null 2>&1; then
        log "user $_u exists"
    else
        log "creating user $_u"
        case "$os_id" in
            alpine) adduser -D -s /bin/sh "$_u" && addgroup "$_u" wheel ;;
            *) useradd -m -s /bin/bash -G sudo "$_u" 2>/dev/null || useradd -m -s /bin/bash -G wheel "$_u" ;;
        esac
    fi
    _home=$(getent passwd "$_u" | cut -d: -f6)
    mkdir -p "$_home/.ssh"
    if fetch_keys "$_u" >"$_home/.ssh/authorized_keys.new" && [ -s "$_home/.ssh/authorized_keys.new" ]; then
        mv "$_home/.ssh/authorized_keys.new" "$_home/.ssh/authorized_keys"
    else
        rm -f "$_home/.ssh/authorized_keys.new"
        log "warning: no SSH keys for $_u"
    fi
    chmod 700 "$_home/.ssh"
    chmod 600 "$_home/.ssh/authorized_keys" 2>/dev/null || true
    chown -R "$_u:" "$_home/.ssh"
}

for u in $ADMIN_USERS; do
    add_user "$u"
done

if [ -n "$ADMIN_USERS" ]; then
	# Password-less sudo for the admin group; heredoc body is tab-indented
	# and <<- strips the tabs.
	mkdir -p /etc/sudoers.d
	cat >/etc/sudoers.d/90-firstboot-admins <<-EOF
		# Written by firstboot.sh on $(date +%F)
		%sudo ALL=(ALL) NOPASSWD: ALL
		%wheel ALL=(ALL) NOPASSWD: ALL
	EOF
	chmod 440 /etc/sudoers.d/90-firstboot-admins
fi

# --- sshd ----------------------------------------------------------------------
if [ -d /etc/ssh ]; then
	mkdir -p /etc/ssh/sshd_config.d
	cat >/etc/ssh/sshd_config.d/10-firstboot.conf <<-'EOF'
		PermitRootLogin no
		PasswordAuthentication no
		KbdInteractiveAuthentication no
		X11Forwarding no
		MaxAuthTries 3
	EOF
	# Older sshd versions do not read sshd_config.d.
	if ! grep -q '^Include /etc/ssh/sshd_config.d' /etc/ssh/sshd_config; then
		sed -i '1i Include /etc/ssh/sshd_config.d/*.conf' /etc/ssh/sshd_config
	fi
	# New host keys: the image must not ship with shared ones.
	rm -f /etc/ssh/ssh_host_*
	ssh-keygen -A
fi

# --- swap ------------------------------------------------------------------------
case "$SWAP_MB" in
    '' | *[!0-9]*) log "SWAP_MB must be a number, got '$SWAP_MB'"; SWAP_MB=0 ;;
esac
if [ "$SWAP_MB" -gt 0 ] && [ ! -e /swapfile ]; then
    log "creating ${SWAP_MB} MiB swap file"
    dd if=/dev/zero of=/swapfile bs=1M count="$SWAP_MB" status=none
    chmod 600 /swapfile
    mkswap /swapfile >/dev/null
    swapon /swapfile
    echo '/swapfile none swap sw 0 0' >>/etc/fstab
fi

# --- time --------------------------------------------------------------------------
if [ -f "/usr/share/zoneinfo/$TIMEZONE" ]; then
    ln -sf "/usr/share/zoneinfo/$TIMEZONE" /etc/localtime
    echo "$TIMEZONE" >/etc/timezone
fi
if [ -d /etc/chrony ]; then
    : >/etc/chrony/sources.d/firstboot.sources 2>/dev/null || mkdir -p /etc/chrony/sources.d
    for s in $NTP_SERVERS; do
        echo "server $s iburst" >>/etc/chrony/sources.d/firstboot.sources
    done
fi

# --- motd --------------------------------------------------------------------------
{
    echo
    echo "  $(hostname) — provisioned $(date '+%Y-%m-%d %H:%M %Z')"
    [ -n "$MOTD_TEXT" ] && echo "  $MOTD_TEXT"
    echo "  Logs: $LOG"
    echo
} >/etc/motd

mkdir -p "${DONE_MARKER%/*}"
date >"$DONE_MARKER"
log "done in $(( $(date +%s) - start_ts )) seconds"
