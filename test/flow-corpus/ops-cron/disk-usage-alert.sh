#!/bin/sh
# Alerts when a filesystem is fuller than THRESHOLD percent. POSIX sh (runs on busybox too).
#   */10 * * * * /opt/ops-cron/disk-usage-alert.sh 90

THRESHOLD=${1:-85}
STATE_DIR=/var/lib/ops-cron
mkdir -p "$STATE_DIR"

alerted_file="$STATE_DIR/disk-alerted"
[ -f "$alerted_file" ] || : >"$alerted_file"

df -P -x tmpfs -x devtmpfs | awk 'NR > 1 { sub("%", "", $5); print $5, $6 }' >"$STATE_DIR/df.now"

while read -r pct mount; do
	if [ "$pct" -ge "$THRESHOLD" ]; then
		if ! grep -qx "$mount" "$alerted_file"; then
			msg="$mount is ${pct}% full (threshold ${THRESHOLD}%)"
			logger -p user.warning -t disk-usage "$msg"
			if [ -n "$ALERT_WEBHOOK" ]; then
				wget -q -O /dev/null --post-data "{\"text\":\"$(hostname): $msg\"}" \
					--header 'Content-Type: application/json' "$ALERT_WEBHOOK"
			fi
			echo "$mount" >>"$alerted_file"
		fi
	else
		grep -vx "$mount" "$alerted_file" >"$alerted_file.tmp" || true
		mv "$alerted_file.tmp" "$alerted_file"
	fi
done <"$STATE_DIR/df.now"

# msg is set only when some filesystem crossed the threshold this run.
[ -z "$msg" ] || echo "$msg"
exit 0
