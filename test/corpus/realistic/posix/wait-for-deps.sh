#!/bin/sh
# wait-for-deps -- block until TCP/HTTP dependencies are reachable, then run
# a command. Used as an init container and in compose files:
#
#   wait-for-deps [-t TIMEOUT] [-i INTERVAL] [-q] TARGET... [-- COMMAND [ARGS...]]
#
# TARGET forms:
#   host:port                  TCP connect
#   http://host[:port]/path    HTTP GET answering 2xx/3xx
#   file:/path                 the file exists
#
# Exit status: 0 when all targets are up (or COMMAND's status), 124 on timeout.
# POSIX sh; uses nc, curl or wget when available, /dev/tcp never (not POSIX).

set -u

timeout=60
interval=1
quiet=0
targets=''

usage() {
    sed -n '2,13s/^# \{0,1\}//p' "$0"
    exit "${1:-2}"
}

note() {
    [ "$quiet" -eq 1 ] || printf 'wait-for-deps: %s\n' "$*" >&2
}

while [ $# -gt 0 ]; do
    case "$1" in
        -t) timeout=${2:?-t needs a value}; shift 2 ;;
        -t*) timeout=${1#-t}; shift ;;
        -i) interval=${2:?-i needs a value}; shift 2 ;;
        -q) quiet=1; shift ;;
        -h | --help) usage 0 ;;
        --) shift; break ;;
        -*) note "unknown option $1"; usage ;;
        *)
            # Targets are collected newline-separated; none contains a newline.
            targets="${targets}${targets:+
}$1"
            shift
            ;;
    esac
done

[ -n "$targets" ] || usage

case "$timeout" in
    '' | *[!0-9]*) note "timeout must be a whole number of seconds"; exit 2 ;;
esac

check_tcp() {
    _host=${1%:*}
    _port=${1##*:}
    if command -v nc >/dev/null 2>&1; then
        nc -z -w 2 "$_host" "$_port" >/dev/null 2>&1
    elif command -v curl >/dev/null 2>&1; then
        # curl telnet:// connects and exits immediately with -m.
        curl -s -m 2 "telnet://$_host:$_port" </dev/null >/dev/null 2>&1
        _rc=$?
        [ "$_rc" -eq 0 ] || [ "$_rc" -eq 28 ]
    else
        note "need nc or curl for TCP checks"
        return 1
    fi
}

check_http() {
    if command -v curl >/dev/null 2>&1; then
        _code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)
    elif command -v wget >/dev/null 2>&1; then
        _code=$(wget -q -S -T 5 -O /dev/null "$1" 2>&1 | awk '/^  HTTP\// { c = $2 } END { print c }')
    else
        note "need curl or wget for HTTP checks"
        return 1
    fi
    case "$_code" in
        2?? | 3??) return 0 ;;
        *) return 1 ;;
    esac
}

check_one() {
    case "$1" in
        http://* | https://*) check_http "$1" ;;
        file:*) [ -e "${1#file:}" ] ;;
        *:*) check_tcp "$1" ;;
        *) note "bad target '$1' (want host:port, http://..., file:/path)"; return 2 ;;
    esac
}

start=$(date +%s)
pending=$targets
attempt=0
while :; do
    attempt=$((attempt + 1))
    still=''
    # Iterate over the newline-separated list without a pipeline (which
    # would run the loop in a subshell and lose $still).
    old_ifs=$IFS
    IFS='
'
    set -f
    for t in $pending; do
        IFS=$old_ifs
        if check_one "$t"; then
            note "up: $t (after $(( $(date +%s) - start ))s)"
        else
            [ $? -eq 2 ] && exit 2
            still="${still}${still:+
}$t"
        fi
    done
    set +f
    IFS=$old_ifs

    if [ -z "$still" ]; then
        break
    fi
    pending=$still

    elapsed=$(( $(date +%s) - start ))
    if [ "$timeout" -gt 0 ] && [ "$elapsed" -ge "$timeout" ]; then
        note "timed out after ${elapsed}s; still down:"
        printf '%s\n' "$pending" | sed 's/^/    /' >&2
        exit 124
    fi
    if [ $((attempt % 10)) -eq 0 ]; then
        note "still waiting (${elapsed}s) for: $(printf '%s' "$pending" | tr '\n' ' ')"
    fi
    sleep "$interval"
done

if [ $# -gt 0 ]; then
    note "all dependencies are up; exec $*"
    exec "$@"
fi
exit 0
