#!/bin/sh
# HEALTHCHECK for a busybox-based sidecar: HTTP endpoint, free disk, and a heartbeat file.
#   healthcheck.sh URL [MAX_HEARTBEAT_AGE]

URL="$1"
MAX_AGE="${2:-120}"
HEARTBEAT=/tmp/heartbeat

fail() {
	echo "unhealthy: $1"
	exit 1
}

if [ -z "$URL" ]; then
	fail "no URL given"
fi

body=$(wget -q -T 3 -O - "$URL" 2>/dev/null) || fail "GET $URL failed"
case "$body" in
	*'"status":"ok"'* | *'"status": "ok"'*) ;;
	*) fail "GET $URL: $body" ;;
esac

if [ -f "$HEARTBEAT" ]; then
	age=$(( $(date +%s) - $(stat -c %Y "$HEARTBEAT") ))
	[ "$age" -le "$MAX_AGE" ] || fail "heartbeat is ${age}s old"
fi

avail_kb=$(df -k /data | awk 'NR == 2 { print $4 }')
if [ "$avail_kb" -lt "${MIN_FREE_KB:-102400}" ]; then
	fail "only ${avail_kb} KiB free on /data"
fi

echo "healthy (heartbeat ${age}s)"
exit 0
