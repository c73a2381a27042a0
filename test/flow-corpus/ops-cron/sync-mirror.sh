#!/usr/bin/env bash
# Mirrors upstream package repositories with rsync, one at a time, and publishes a status file.
# /etc/ops-cron/mirrors.conf lines: NAME RSYNC_URL [BWLIMIT_KBPS]
set -uo pipefail

. "$(dirname "$0")/lib/notify.sh"

CONF=/etc/ops-cron/mirrors.conf
MIRROR_ROOT=/srv/mirror
STATUS_FILE="$MIRROR_ROOT/status.json"

sync_one() {
	local name=$1 url=$2 bwlimit=$3
	local started ended rc
	started=$(date +%s)
	rsync -rtlH --delete-after --delay-updates --safe-links \
		${bwlimit:+--bwlimit="$bwlimit"} \
		"$url" "$MIRROR_ROOT/$name/"
	rc=$?
	ended=$(date +%s)
	if [ "$rc" -eq 0 ]; then
		last_ok["$name"]=$ended
	else
		notify ERROR "mirror $name failed (rsync exit $rc)"
		failures=$((failures + 1))
	fi
	durations["$name"]=$((ended - started))
}

write_status() {
	local name first=1
	{
		echo '{'
		for name in "${!durations[@]}"; do
			[ "$first" = 1 ] || echo ','
			first=0
			printf '  "%s": {"seconds": %d, "last_ok": %s}' "$name" "${durations[$name]}" "${last_ok[$name]:-null}"
		done
		echo
		echo '}'
	} >"$STATUS_FILE.tmp"
	mv "$STATUS_FILE.tmp" "$STATUS_FILE"
}

declare -A durations last_ok
failures=0

while read -r name url bwlimit; do
	case "$name" in
		'' | '#'*) continue ;;
	esac
	sync_one "$name" "$url" "$bwlimit"
	last_name=$name
done <"$CONF"

write_status

# Locale and proxy from cron's environment must not leak into the report mail.
unset LANG LC_ALL
if [ "$failures" -gt 0 ]; then
	notify ERROR "$failures mirrors failed; last processed $last_name (locale ${LANG})"
else
	notify INFO "all mirrors synced; last processed $last_name"
fi
