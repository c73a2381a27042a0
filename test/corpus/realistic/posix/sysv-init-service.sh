#!/bin/sh
### BEGIN INIT INFO
# Provides:          statsrelay
# Required-Start:    $network $remote_fs $syslog
# Required-Stop:     $network $remote_fs $syslog
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: StatsD relay
# Description:       Forwards StatsD packets to a consistent-hashed backend pool.
### END INIT INFO
#
# /etc/init.d/statsrelay -- SysV init script, for the hosts that still boot
# with sysvinit or OpenRC's compatibility layer. Plain POSIX sh.

PATH=/sbin:/usr/sbin:/bin:/usr/bin
NAME=statsrelay
DESC="StatsD relay"
DAEMON=/usr/sbin/$NAME
PIDFILE=/var/run/$NAME.pid
RUN_AS=statsrelay
CONFIG=/etc/$NAME/$NAME.yaml
DAEMON_OPTS=""
STOP_TIMEOUT=30

# Exit quietly if the package was removed but not purged.
[ -x "$DAEMON" ] || exit 0

# Overrides, e.g. DAEMON_OPTS="--verbose"
# shellcheck disable=SC1090
[ -r /etc/default/$NAME ] && . /etc/default/$NAME

# lsb functions if available, tiny fallbacks otherwise.
if [ -r /lib/lsb/init-functions ]; then
    . /lib/lsb/init-functions
else
    log_daemon_msg() { printf '%s: %s' "$1" "$2"; }
    log_end_msg() {
        if [ "$1" -eq 0 ]; then echo " ok."; else echo " failed!"; fi
        return "$1"
    }
    log_success_msg() { echo "$*"; }
    log_failure_msg() { echo "$*" >&2; }
    log_warning_msg() { echo "$*" >&2; }
fi

is_running() {
    [ -f "$PIDFILE" ] || return 1
    read -r pid <"$PIDFILE" 2>/dev/null || return 1
    [ -n "$pid" ] || return 1
    # kill -0 only checks that we may signal it; also check the name.
    kill -0 "$pid" 2>/dev/null || return 1
    if [ -r "/proc/$pid/comm" ]; then
        [ "$(cat "/proc/$pid/comm")" = "$NAME" ] || return 1
    fi
    return 0
}

check_config() {
    if [ ! -r "$CONFIG" ]; then
        log_failure_msg "$CONFIG is missing or unreadable"
        return 1
    fi
    "$DAEMON" --config "$CONFIG" --check-config >/dev/null 2>&1 || {
        log_failure_msg "$CONFIG is invalid; run: $DAEMON --config $CONFIG --check-config"
        return 1
    }
}

do_start() {
    if is_running; then
        log_warning_msg "$NAME already running (pid $(cat "$PIDFILE"))"
        return 0
    fi
    check_config || return 2
    # Raise the fd limit: one socket per backend plus the listeners.
    ulimit -n 65536 2>/dev/null || ulimit -n 8192
    mkdir -p /var/run/$NAME
    chown $RUN_AS /var/run/$NAME
    if command -v start-stop-daemon >/dev/null 2>&1; then
        # shellcheck disable=SC2086  # DAEMON_OPTS is a word list
        start-stop-daemon --start --quiet --background --make-pidfile \
            --pidfile "$PIDFILE" --chuid "$RUN_AS" --exec "$DAEMON" -- \
            --config "$CONFIG" $DAEMON_OPTS || return 2
    else
        # shellcheck disable=SC2086
        su -s /bin/sh -c "exec $DAEMON --config $CONFIG $DAEMON_OPTS >/dev/null 2>&1 & echo \$! >$PIDFILE.tmp" "$RUN_AS" || return 2
        mv "$PIDFILE.tmp" "$PIDFILE"
    fi
    # Give it a moment and make sure it did not die on startup.
    i=0
    while [ $i -lt 5 ]; do
        is_running && return 0
        sleep 1
        i=$((i + 1))
    done
    return 2
}

do_stop() {
    if ! is_running; then
        rm -f "$PIDFILE"
        return 1
    fi
    pid=$(cat "$PIDFILE")
    kill -TERM "$pid" 2>/dev/null
    i=0
    while [ $i -lt $STOP_TIMEOUT ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PIDFILE"
            return 0
        fi
        sleep 1
        i=$((i + 1))
    done
    log_warning_msg "$NAME did not stop after ${STOP_TIMEOUT}s, sending KILL"
    kill -KILL "$pid" 2>/dev/null
    rm -f "$PIDFILE"
    return 0
}

do_reload() {
    # SIGHUP re-reads the backend list without dropping packets.
    check_config || return 1
    kill -HUP "$(cat "$PIDFILE")"
}

case "$1" in
    start)
        log_daemon_msg "Starting $DESC" "$NAME"
        do_start
        case "$?" in
            0 | 1) log_end_msg 0 ;;
            2) log_end_msg 1 ;;
        esac
        ;;
    stop)
        log_daemon_msg "Stopping $DESC" "$NAME"
        do_stop
        case "$?" in
            0 | 1) log_end_msg 0 ;;
            2) log_end_msg 1 ;;
        esac
        ;;
    status)
        if is_running; then
            log_success_msg "$NAME is running (pid $(cat "$PIDFILE"))"
            exit 0
        elif [ -f "$PIDFILE" ]; then
            log_failure_msg "$NAME is not running but $PIDFILE exists"
            exit 1
        else
            log_failure_msg "$NAME is not running"
            exit 3
        fi
        ;;
    reload | force-reload)
        if ! is_running; then
            log_failure_msg "$NAME is not running"
            exit 7
        fi
        log_daemon_msg "Reloading $DESC" "$NAME"
        do_reload
        log_end_msg $?
        ;;
    restart)
        log_daemon_msg "Restarting $DESC" "$NAME"
        do_stop
        case "$?" in
            0 | 1)
                do_start
                case "$?" in
                    0) log_end_msg 0 ;;
                    *) log_end_msg 1 ;; # failed to start
                esac
                ;;
            *) log_end_msg 1 ;; # failed to stop
        esac
        ;;
    configtest)
        check_config && log_success_msg "$CONFIG is valid"
        ;;
    *)
        echo "Usage: /etc/init.d/$NAME {start|stop|status|restart|reload|force-reload|configtest}" >&2
        exit 3
        ;;
esac

:
