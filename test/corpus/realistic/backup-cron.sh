#!/usr/bin/env bash
# /usr/local/sbin/nightly-backup -- run from cron:
#
#   # m h dom mon dow  command
#   17 2 * * *  root  /usr/local/sbin/nightly-backup >/dev/null 2>&1
#
# Backs up PostgreSQL, /etc and the application data directories with restic,
# keeps a local copy of the database dump, prunes old snapshots, and mails
# a report on failure. Configuration is read from /etc/default/nightly-backup.

set -uo pipefail
umask 077

CONFIG=${NIGHTLY_BACKUP_CONFIG:-/etc/default/nightly-backup}
# shellcheck source=/dev/null
[[ -r $CONFIG ]] && . "$CONFIG"

: "${BACKUP_ROOT:=/var/backups/nightly}"
: "${RESTIC_REPOSITORY:?RESTIC_REPOSITORY must be set in $CONFIG}"
: "${RESTIC_PASSWORD_FILE:=/etc/restic/password}"
: "${KEEP_DAILY:=7}" "${KEEP_WEEKLY:=5}" "${KEEP_MONTHLY:=12}"
: "${LOCAL_DUMPS_TO_KEEP:=3}"
: "${MAIL_TO:=root}"
: "${PG_DATABASES:=}"
export RESTIC_REPOSITORY RESTIC_PASSWORD_FILE

# Paths to back up; the config file may append to this array.
declare -a BACKUP_PATHS=(/etc /srv/app/uploads /var/lib/app "${EXTRA_BACKUP_PATHS[@]}")
declare -a EXCLUDES=('*.tmp' '*/cache/*' '/var/lib/app/sessions')

host=$(hostname -s)
stamp=$(date +%Y%m%d-%H%M%S)
log_file="/var/log/nightly-backup/${stamp}.log"
lock_file=/run/nightly-backup.lock
failures=()

mkdir -p "${log_file%/*}" "$BACKUP_ROOT/pg"

# All output goes to the per-run log; keep the original stderr on fd 4 for
# the few messages that should reach cron's mail if even logging fails.
exec 4>&2
exec >>"$log_file" 2>&1

log() { printf '%(%F %T)T [%s] %s\n' -1 "$$" "$*"; }

# One run at a time. A descriptor chosen by bash, stored in $lock_fd.
exec {lock_fd}>"$lock_file"
if ! flock -n "$lock_fd"; then
    echo "another backup is still running (lock $lock_file); exiting" >&4
    exit 0
fi

on_exit() {
    local rc=$?
    if (( rc != 0 || ${#failures[@]} > 0 )); then
        send_report "FAILED" || echo "could not send report" >&4
    fi
    log "finished with exit $rc"
}
trap on_exit EXIT
trap 'log "interrupted"; exit 130' INT TERM

send_report() {
    local status=$1
    {
        printf 'Subject: [backup] %s on %s (%s)\n' "$status" "$host" "$stamp"
        printf 'To: %s\n\n' "$MAIL_TO"
        printf 'Failed steps: %s\n\n' "${failures[*]:-none}"
        printf -- '--- last 60 lines of %s ---\n' "$log_file"
        tail -n 60 "$log_file"
    } | /usr/sbin/sendmail -t
}

step() { # step NAME CMD... -- run CMD, record NAME on failure, keep going
    local name=$1 t0=$SECONDS rc
    shift
    log ">>> $name"
    "$@"
    rc=$?
    if (( rc != 0 )); then
        failures+=("$name")
        log "<<< $name FAILED (exit $rc) after $((SECONDS - t0))s"
    else
        log "<<< $name ok ($((SECONDS - t0))s)"
    fi
    return 0
}

dump_postgres() {
    local db dest
    if [[ -z $PG_DATABASES ]]; then
        # Every non-template database.
        PG_DATABASES=$(runuser -u postgres -- psql -Atc \
            "select datname from pg_database where not datistemplate and datallowconn" 2>/dev/null)
    fi
    for db in $PG_DATABASES; do
        dest="$BACKUP_ROOT/pg/${db}-${stamp}.dump"
        log "dumping ${db}"
        runuser -u postgres -- pg_dump --format=custom --compress=6 "$db" >|"$dest" || return
        # A zero-byte dump means pg_dump died early without an error code.
        [[ -s $dest ]] || { log "empty dump for $db"; return 1; }
    done
    runuser -u postgres -- pg_dumpall --globals-only >|"$BACKUP_ROOT/pg/globals-${stamp}.sql"
}

prune_local_dumps() {
    local db files
    for db in $PG_DATABASES globals; do
        # Newest first; drop everything after the first N.
        mapfile -t files < <(ls -1t "$BACKUP_ROOT/pg/${db}-"*.dump "$BACKUP_ROOT/pg/${db}-"*.sql 2>/dev/null)
        if (( ${#files[@]} > LOCAL_DUMPS_TO_KEEP )); then
            log "removing ${#files[@]} - ${LOCAL_DUMPS_TO_KEEP} old dumps of ${db}"
            rm -f -- "${files[@]:LOCAL_DUMPS_TO_KEEP}"
        fi
    done
}

restic_backup() {
    local -a args=(backup --one-file-system --tag nightly --tag "host:${host}" --host "$host")
    local pattern path
    for pattern in "${EXCLUDES[@]}"; do
        args+=(--exclude "$pattern")
    done
    for path in "${BACKUP_PATHS[@]}" "$BACKUP_ROOT/pg"; do
        if [[ -e $path ]]; then
            args+=("$path")
        else
            log "skipping missing path $path"
        fi
    done
    nice -n 10 ionice -c2 -n7 restic "${args[@]}"
}

restic_prune() {
    # Prune only on Sundays; it is slow on big repositories.
    if [[ $(date +%u) == 7 ]]; then
        restic forget --prune --host "$host" \
            --keep-daily "$KEEP_DAILY" --keep-weekly "$KEEP_WEEKLY" --keep-monthly "$KEEP_MONTHLY"
    else
        restic forget --host "$host" \
            --keep-daily "$KEEP_DAILY" --keep-weekly "$KEEP_WEEKLY" --keep-monthly "$KEEP_MONTHLY"
    fi
}

restic_check() {
    # Read 1/28th of the data each day of the month -> everything once a month.
    local day=$(( 10#$(date +%d) ))
    (( day > 28 )) && return 0
    restic check --read-data-subset="${day}/28"
}

write_status_file() {
    # For the node exporter's textfile collector.
    local prom=/var/lib/node_exporter/textfile/nightly_backup.prom
    [[ -d ${prom%/*} ]] || return 0
    local ok=$(( ${#failures[@]} == 0 ))
    cat >"${prom}.$$" <<EOF
# HELP nightly_backup_success 1 if the last nightly backup had no failed step.
# TYPE nightly_backup_success gauge
nightly_backup_success{host="${host}"} ${ok}
# HELP nightly_backup_last_run_seconds Unix time of the last nightly backup.
# TYPE nightly_backup_last_run_seconds gauge
nightly_backup_last_run_seconds{host="${host}"} $(date +%s)
# HELP nightly_backup_duration_seconds How long the last run took.
# TYPE nightly_backup_duration_seconds gauge
nightly_backup_duration_seconds{host="${host}"} ${SECONDS}
EOF
    mv -f "${prom}.$$" "$prom"
}

# Keep only 30 days of our own logs.
find "${log_file%/*}" -name '*.log' -type f -mtime +30 -delete

log "starting backup of ${host} to ${RESTIC_REPOSITORY/#*@/…@}"
step "postgres dump" dump_postgres
step "prune local dumps" prune_local_dumps
step "restic backup" restic_backup
step "restic forget" restic_prune
step "restic check" restic_check
write_status_file

if (( ${#failures[@]} )); then
    log "failed steps: ${failures[*]}"
    exit 1
fi
exit 0
