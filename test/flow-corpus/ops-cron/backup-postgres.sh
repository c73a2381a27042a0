#!/usr/bin/env bash
# Nightly logical backup of every database, uploaded to S3. Crontab:
#   15 2 * * * root /opt/ops-cron/backup-postgres.sh >>/var/log/backup-postgres.log 2>&1
set -o errexit -o pipefail

[ -r /etc/ops-cron.env ] && . /etc/ops-cron.env
. "$(dirname "$(readlink -f "$0")")/lib/notify.sh"

BACKUP_ROOT="${BACKUP_ROOT:-/var/backups/postgres}"
RETENTION_DAYS="${RETENTION_DAYS:-14}"
STAMP="$(date +%Y%m%d-%H%M%S)"
TARGET="$BACKUP_ROOT/$STAMP"

on_error() {
	notify ERROR "postgres backup failed at line $1"
}
trap 'on_error $LINENO' ERR

databases() {
	psql -U "${PGUSER:-postgres}" -Atc "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"
}

backup_db() {
	local db="$1"
	local out="$TARGET/$db.dump"
	pg_dump -U "${PGUSER:-postgres}" -Fc -Z 6 -f "$out" "$db"
	total_bytes=$((total_bytes + $(stat -c %s "$out")))
}

upload() {
	if [ -z "$S3_BUCKET" ]; then
		return 0
	fi
	aws s3 cp --recursive --only-show-errors "$TARGET" "s3://$S3_BUCKET/postgres/$STAMP/"
	uploaded="s3://$S3_BUCKET/postgres/$STAMP/"
}

prune() {
	find "$BACKUP_ROOT" -mindepth 1 -maxdepth 1 -type d -mtime +"$RETENTION_DAYS" -print -exec rm -rf {} +
}

main() {
	mkdir -p "$TARGET"
	total_bytes=0
	count=0
	for db in $(databases); do
		backup_db "$db"
		count=$((count + 1))
	done
	pg_dumpall -U "${PGUSER:-postgres}" --globals-only >"$TARGET/globals.sql"
	upload
	prune
	# BUG: uploaded is set only when S3_BUCKET is set.
	notify INFO "backed up $count databases ($(human_size "$total_bytes")) to $TARGET ${uploaded:+and $uploaded}; last upload $uploaded"
}

with_lock backup-postgres main
