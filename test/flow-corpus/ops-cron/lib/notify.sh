# Notification helpers for the cron jobs. Sourced; bash.
# NOTIFY_WEBHOOK (Slack-compatible) and NOTIFY_EMAIL come from /etc/ops-cron.env.

HOSTNAME_SHORT="$(hostname -s)"

notify() {
	local level="$1" message="$2"
	local text="[$level] $HOSTNAME_SHORT: $message"
	logger -t ops-cron "$text"
	if [ -n "${NOTIFY_WEBHOOK:-}" ]; then
		curl -fsS -m 10 -X POST -H 'Content-Type: application/json' \
			--data "{\"text\": \"${text//\"/\\\"}\"}" "$NOTIFY_WEBHOOK" >/dev/null || true
	fi
	if [ "$level" = ERROR ] && [ -n "${NOTIFY_EMAIL:-}" ]; then
		printf '%s\n' "$text" | mail -s "ops-cron: $level on $HOSTNAME_SHORT" "$NOTIFY_EMAIL"
	fi
}

with_lock() {
	local name="$1"
	shift
	exec 9>"/var/lock/ops-cron-$name.lock"
	if ! flock -n 9; then
		logger -t ops-cron "$name: previous run still active, skipping"
		exit 0
	fi
	"$@"
}

human_size() {
	numfmt --to=iec --suffix=B "$1"
}
