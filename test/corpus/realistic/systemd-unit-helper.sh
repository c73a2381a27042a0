#!/bin/bash
# svc-unit -- create, inspect and remove systemd units for small services
# without writing unit files by hand.
#
#   svc-unit create NAME -- COMMAND [ARGS...]   [--user] [--timer ONCAL] [--env K=V]...
#   svc-unit status NAME
#   svc-unit logs NAME [--since 1h]
#   svc-unit remove NAME
#   svc-unit list
#
# Units are tagged with X-Managed-By=svc-unit so `list` and `remove` never
# touch units that somebody else wrote.

set -euo pipefail
shopt -s nullglob

readonly PROG=${0##*/}
readonly MARK="X-Managed-By=svc-unit"
declare -r SYSTEM_DIR=/etc/systemd/system
declare -r USER_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user

scope=system
unit_dir=$SYSTEM_DIR
systemctl_cmd=(systemctl)
journal_cmd=(journalctl)

usage() {
    sed -n '3,9s/^#//p' "$0"
    exit "${1:-0}"
}

err() { echo "$PROG: $*" >&2; }

use_user_scope() {
    scope=user
    unit_dir=$USER_DIR
    systemctl_cmd=(systemctl --user)
    journal_cmd=(journalctl --user)
}

valid_name() {
    [[ $1 =~ ^[a-zA-Z0-9][a-zA-Z0-9_.@-]{0,62}$ ]] || {
        err "invalid unit name '$1'"
        return 1
    }
}

is_managed() { grep -qsxF "$MARK" "$unit_dir/$1.service"; }

# Quote one argument for a systemd ExecStart= line: systemd understands
# C-style escapes inside double quotes, and "%" must be doubled.
systemd_quote() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//%/%%}
    s=${s//\$/\$\$}
    printf '"%s"' "$s"
}

cmd_create() {
    local name=$1
    shift
    valid_name "$name"
    local -a envs=() exec_args=()
    local timer='' restart=on-failure description="$name (managed by $PROG)"
    while (( $# )); do
        case $1 in
            --user) use_user_scope ;;
            --timer) timer=$2; shift ;;
            --env) envs+=("$2"); shift ;;
            --restart) restart=$2; shift ;;
            --description) description=$2; shift ;;
            --) shift; exec_args=("$@"); break ;;
            *) err "unknown option $1"; usage 2 ;;
        esac
        shift
    done
    (( ${#exec_args[@]} )) || { err "missing COMMAND after --"; usage 2; }

    # Resolve the program to an absolute path; systemd requires one.
    local prog
    prog=$(command -v -- "${exec_args[0]}") || { err "command not found: ${exec_args[0]}"; return 1; }
    exec_args[0]=$prog

    if [[ -e $unit_dir/$name.service ]] && ! is_managed "$name"; then
        err "$unit_dir/$name.service exists and was not created by $PROG; refusing to overwrite"
        return 1
    fi
    mkdir -p "$unit_dir"

    local exec_line='' a
    for a in "${exec_args[@]}"; do
        exec_line+="${exec_line:+ }$(systemd_quote "$a")"
    done

    {
        cat <<EOF
# $MARK
[Unit]
Description=${description}
After=network-online.target
Wants=network-online.target

[Service]
Type=$( [[ -n $timer ]] && echo oneshot || echo simple )
ExecStart=${exec_line}
WorkingDirectory=$( [[ $scope == user ]] && echo "%h" || echo / )
EOF
        for a in "${envs[@]}"; do
            [[ $a == *=* ]] || { err "--env needs KEY=VALUE, got '$a'"; return 1; }
            printf 'Environment=%s\n' "$(systemd_quote "$a")"
        done
        if [[ -z $timer ]]; then
            printf 'Restart=%s\nRestartSec=5\n' "$restart"
        fi
        if [[ $scope == system ]]; then
            printf 'DynamicUser=yes\nNoNewPrivileges=yes\nProtectSystem=strict\nProtectHome=read-only\n'
        fi
        printf '\n[Install]\nWantedBy=%s\n' "$( [[ $scope == user ]] && echo default.target || echo multi-user.target )"
    } >"$unit_dir/$name.service"

    if [[ -n $timer ]]; then
        # Validate the calendar expression before writing the timer.
        systemd-analyze calendar "$timer" >/dev/null || { err "bad --timer '$timer'"; return 1; }
        cat >"$unit_dir/$name.timer" <<EOF
# $MARK
[Unit]
Description=Timer for ${name}

[Timer]
OnCalendar=${timer}
Persistent=true
RandomizedDelaySec=60

[Install]
WantedBy=timers.target
EOF
    fi

    "${systemctl_cmd[@]}" daemon-reload
    if [[ -n $timer ]]; then
        "${systemctl_cmd[@]}" enable --now "$name.timer"
    else
        "${systemctl_cmd[@]}" enable --now "$name.service"
    fi
    echo "created ${scope} unit ${name}"
}

cmd_status() {
    local name=$1
    "${systemctl_cmd[@]}" status --no-pager --lines=0 "$name.service" || true
    if [[ -e $unit_dir/$name.timer ]]; then
        "${systemctl_cmd[@]}" list-timers --no-pager "$name.timer"
    fi
}

cmd_logs() {
    local name=$1 since=${3:-1h}
    [[ ${2:-} == --since ]] || since=1h
    "${journal_cmd[@]}" -u "$name.service" --since "-${since}" --no-pager -o short-iso
}

cmd_remove() {
    local name=$1
    is_managed "$name" || { err "$name is not managed by $PROG"; return 1; }
    "${systemctl_cmd[@]}" disable --now "$name.timer" 2>/dev/null || true
    "${systemctl_cmd[@]}" disable --now "$name.service" 2>/dev/null || true
    rm -f -- "$unit_dir/$name.service" "$unit_dir/$name.timer"
    "${systemctl_cmd[@]}" daemon-reload
    "${systemctl_cmd[@]}" reset-failed "$name.service" 2>/dev/null || true
    echo "removed ${name}"
}

cmd_list() {
    local f name state kind
    printf '%-28s %-8s %-10s %s\n' UNIT SCOPE STATE KIND
    for f in "$SYSTEM_DIR"/*.service "$USER_DIR"/*.service; do
        grep -qxF "$MARK" "$f" || continue
        name=$(basename "$f" .service)
        if [[ $f == "$USER_DIR"/* ]]; then
            state=$(systemctl --user is-active "$name" 2>/dev/null || true)
        else
            state=$(systemctl is-active "$name" 2>/dev/null || true)
        fi
        kind=service
        [[ -e ${f%.service}.timer ]] && kind=timer
        printf '%-28s %-8s %-10s %s\n' "$name" "$([[ $f == "$USER_DIR"/* ]] && echo user || echo system)" "$state" "$kind"
    done
}

(( $# )) || usage 2
action=$1
shift

# --user may appear anywhere; consume it early for every action.
for arg in "$@"; do
    [[ $arg == --user ]] && use_user_scope
done

case $action in
    create | status | logs | remove)
        # All of these need a unit name; fall through to the dispatch below.
        [[ $# -ge 1 && $1 != -* ]] || { err "$action needs a unit NAME"; usage 2; }
        ;;&
    create | remove)
        if [[ $scope == system && $EUID -ne 0 ]]; then
            exec sudo -- "$0" "$action" "$@"
        fi
        ;;&
    create) cmd_create "$@" ;;
    status) cmd_status "$1" ;;
    logs) cmd_logs "$@" ;;
    remove) cmd_remove "$1" ;;
    list) cmd_list ;;
    help | -h | --help) usage 0 ;;
    *) err "unknown action '$action'"; usage 2 ;;
esac
