#!/bin/sh
# Compresses and expires application logs that logrotate does not manage.
#   0 * * * * /opt/ops-cron/rotate-logs.sh /srv/app/logs 7

LOG_DIR=$1
KEEP_DAYS=$2

if [ -z "$LOG_DIR" ] || [ ! -d "$LOG_DIR" ]; then
	echo "usage: $0 LOG_DIR [KEEP_DAYS]" >&2
	exit 2
fi
: "${KEEP_DAYS:=7}"

now=$(date +%s)
compressed=0
removed=0

for f in "$LOG_DIR"/*.log.[0-9]*; do
	[ -f "$f" ] || continue
	case "$f" in
		*.gz) continue ;;
	esac
	gzip -9 "$f" && compressed=$((compressed + 1))
done

for f in "$LOG_DIR"/*.gz; do
	[ -f "$f" ] || continue
	mtime=$(stat -c %Y "$f")
	age_days=$(( (now - mtime) / 86400 ))
	if [ "$age_days" -gt "$KEEP_DAYS" ]; then
		rm -f "$f"
		removed=$((removed + 1))
		oldest_removed=$f
	fi
done

logger -t rotate-logs "$LOG_DIR: compressed $compressed, removed $removed"
# BUG: oldest_removed is unset when nothing was removed.
if [ "$removed" -gt 0 ] || [ -n "$oldest_removed" ]; then
	logger -t rotate-logs "last removed: $oldest_removed"
fi
