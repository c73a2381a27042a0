#!/usr/bin/env bash
# Warns when a TLS certificate expires within WARN_DAYS (default 21).
# Hosts come from the arguments or from /etc/ops-cron/cert-hosts (one host[:port] per line).
set -u

. "$(dirname "$0")/lib/notify.sh"

WARN_DAYS=${WARN_DAYS:-21}
HOSTS_FILE=/etc/ops-cron/cert-hosts

if [ $# -gt 0 ]; then
	hosts=("$@")
elif [ -r "$HOSTS_FILE" ]; then
	mapfile -t hosts < <(grep -v '^[[:space:]]*\(#\|$\)' "$HOSTS_FILE")
fi

# BUG: hosts is unset when there are no arguments and no hosts file.
if [ ${#hosts[@]} -eq 0 ]; then
	echo "no hosts to check" >&2
	exit 0
fi

check_host() {
	local target=$1
	local host=${target%:*} port=443
	[[ $target == *:* ]] && port=${target##*:}
	local end
	end=$(echo | openssl s_client -servername "$host" -connect "$host:$port" 2>/dev/null |
		openssl x509 -noout -enddate 2>/dev/null | cut -d= -f2)
	if [ -z "$end" ]; then
		notify ERROR "could not read the certificate of $target"
		return 1
	fi
	local days=$(( ($(date -d "$end" +%s) - $(date +%s)) / 86400 ))
	if [ "$days" -lt "$WARN_DAYS" ]; then
		notify WARN "certificate of $target expires in $days days ($end)"
		expiring=$((expiring + 1))
	fi
}

expiring=0
for h in "${hosts[@]}"; do
	check_host "$h" || true
done
echo "checked ${#hosts[@]} hosts, $expiring expiring within $WARN_DAYS days"
