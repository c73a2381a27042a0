#!/bin/sh
# docker-entrypoint.sh for the "relay" mail relay image (Alpine, busybox sh).
#
# Configuration via environment:
#   RELAY_HOSTNAME        myhostname for postfix (default: container hostname)
#   RELAY_NETWORKS        networks allowed to relay (default: RFC 1918 ranges)
#   RELAY_UPSTREAM        smarthost, e.g. [smtp.example.com]:587 (optional)
#   RELAY_UPSTREAM_USER / RELAY_UPSTREAM_PASSWORD (or RELAY_UPSTREAM_PASSWORD_FILE)
#   RELAY_MESSAGE_SIZE    max message size in bytes (default: 25 MiB)
#   RELAY_ALLOWED_SENDER_DOMAINS  space separated; empty = any
#   TZ                    time zone
set -e

: "${RELAY_HOSTNAME:=$(hostname)}"
: "${RELAY_NETWORKS:=127.0.0.0/8 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16}"
: "${RELAY_UPSTREAM:=}"
: "${RELAY_UPSTREAM_USER:=}"
: "${RELAY_MESSAGE_SIZE:=26214400}"
: "${RELAY_ALLOWED_SENDER_DOMAINS:=}"
: "${RELAY_LOG_LEVEL:=info}"

POSTFIX_DIR=/etc/postfix

log() {
    printf '%s [entrypoint] %s\n' "$(date '+%Y-%m-%dT%H:%M:%S')" "$*" >&2
}

# file_env VAR: allow VAR_FILE to name a file (Docker/Kubernetes secret)
# holding the value of VAR.
file_env() {
    _var=$1
    _file_var="${_var}_FILE"
    eval "_val=\${$_var:-}"
    eval "_file=\${$_file_var:-}"
    if [ -n "$_val" ] && [ -n "$_file" ]; then
        log "error: both $_var and $_file_var are set"
        exit 1
    fi
    if [ -n "$_file" ]; then
        [ -r "$_file" ] || { log "error: cannot read $_file"; exit 1; }
        _val=$(cat "$_file")
        eval "$_var=\$_val"
        export "${_var?}"
    fi
    unset "$_file_var" _var _file_var _val _file
}

postconf_set() {
    postconf -e "$1" || { log "postconf failed: $1"; exit 1; }
}

configure_postfix() {
    log "configuring postfix for ${RELAY_HOSTNAME}"
    postconf_set "myhostname = ${RELAY_HOSTNAME}"
    postconf_set "mynetworks = ${RELAY_NETWORKS}"
    postconf_set "message_size_limit = ${RELAY_MESSAGE_SIZE}"
    postconf_set "maillog_file = /dev/stdout"
    postconf_set "inet_interfaces = all"
    postconf_set "inet_protocols = ipv4"
    postconf_set "smtputf8_enable = no"

    if [ -n "$RELAY_UPSTREAM" ]; then
        log "relaying through ${RELAY_UPSTREAM}"
        postconf_set "relayhost = ${RELAY_UPSTREAM}"
        postconf_set "smtp_tls_security_level = encrypt"
        if [ -n "$RELAY_UPSTREAM_USER" ]; then
            file_env RELAY_UPSTREAM_PASSWORD
            : "${RELAY_UPSTREAM_PASSWORD:?RELAY_UPSTREAM_PASSWORD is required with RELAY_UPSTREAM_USER}"
            umask 077
            printf '%s %s:%s\n' "$RELAY_UPSTREAM" "$RELAY_UPSTREAM_USER" "$RELAY_UPSTREAM_PASSWORD" \
                >"$POSTFIX_DIR/sasl_passwd"
            postmap "lmdb:$POSTFIX_DIR/sasl_passwd"
            rm -f "$POSTFIX_DIR/sasl_passwd"
            umask 022
            postconf_set "smtp_sasl_auth_enable = yes"
            postconf_set "smtp_sasl_password_maps = lmdb:$POSTFIX_DIR/sasl_passwd"
            postconf_set "smtp_sasl_security_options = noanonymous"
        fi
    else
        postconf_set "relayhost ="
    fi

    if [ -n "$RELAY_ALLOWED_SENDER_DOMAINS" ]; then
        : >"$POSTFIX_DIR/allowed_senders"
        for _domain in $RELAY_ALLOWED_SENDER_DOMAINS; do
            printf '%s OK\n' "$_domain" >>"$POSTFIX_DIR/allowed_senders"
        done
        postmap "lmdb:$POSTFIX_DIR/allowed_senders"
        postconf_set "smtpd_sender_restrictions = check_sender_access lmdb:$POSTFIX_DIR/allowed_senders, reject"
        log "allowed sender domains: ${RELAY_ALLOWED_SENDER_DOMAINS}"
    fi

    # Header checks: strip internal routing headers before the mail leaves.
    cat >"$POSTFIX_DIR/header_checks" <<'EOF'
/^Received:.*\(Postfix/   IGNORE
/^X-Originating-IP:/      IGNORE
/^User-Agent:/            IGNORE
EOF
    postconf_set "smtp_header_checks = regexp:$POSTFIX_DIR/header_checks"
}

configure_timezone() {
    [ -n "${TZ:-}" ] || return 0
    if [ -f "/usr/share/zoneinfo/$TZ" ]; then
        cp "/usr/share/zoneinfo/$TZ" /etc/localtime
        echo "$TZ" >/etc/timezone
    else
        log "warning: unknown time zone '$TZ', keeping UTC"
    fi
}

# Forward SIGTERM to postfix so `docker stop` drains the queue cleanly.
stop_postfix() {
    log "stopping postfix"
    postfix stop || true
    exit 0
}

if [ "${1#-}" != "$1" ]; then
    # First argument is a flag: pass it to postfix start-fg.
    set -- postfix start-fg "$@"
fi
[ $# -gt 0 ] || set -- postfix start-fg

case "$1" in
    postfix)
        configure_timezone
        configure_postfix
        postfix check
        newaliases
        if [ "$RELAY_LOG_LEVEL" = debug ]; then
            postconf_set "debug_peer_list = ${RELAY_NETWORKS}"
        fi
        log "starting: $*"
        trap stop_postfix TERM INT
        # Run in the background and wait so that the trap can fire.
        "$@" &
        _pid=$!
        wait "$_pid"
        exit $?
        ;;
    *)
        # Any other command: run it directly as PID 1.
        exec "$@"
        ;;
esac
