#!/usr/bin/env bash
# Entry point of the log forwarder DaemonSet: renders the fluent-bit config from env, then execs.
set -euo pipefail

: "${LOG_LEVEL:=info}"
: "${FLUSH_SECONDS:=5}"
OUTPUT="${OUTPUT:-stdout}"
CONFIG=/fluent-bit/etc/fluent-bit.conf

render_output() {
	case "$OUTPUT" in
		stdout)
			printf '[OUTPUT]\n    Name stdout\n    Match *\n'
			;;
		es)
			printf '[OUTPUT]\n    Name es\n    Match *\n    Host %s\n    Port %s\n    Index %s\n' \
				"$ES_HOST" "${ES_PORT:-9200}" "${ES_INDEX:-logs}"
			;;
		loki)
			printf '[OUTPUT]\n    Name loki\n    Match *\n    Host %s\n    Labels node=%s\n' "$LOKI_HOST" "$NODE_NAME"
			;;
		*)
			echo "unknown OUTPUT=$OUTPUT" >&2
			exit 1
			;;
	esac
}

{
	printf '[SERVICE]\n    Flush %s\n    Log_Level %s\n    Parsers_File parsers.conf\n\n' "$FLUSH_SECONDS" "$LOG_LEVEL"
	printf '[INPUT]\n    Name tail\n    Path /var/log/containers/*.log\n    Tag kube.*\n    Mem_Buf_Limit %s\n\n' "${MEM_BUF_LIMIT:-50MB}"
	if [ -n "${EXTRA_INPUT_PATH:-}" ]; then
		printf '[INPUT]\n    Name tail\n    Path %s\n    Tag extra\n\n' "$EXTRA_INPUT_PATH"
	fi
	printf '[FILTER]\n    Name kubernetes\n    Match kube.*\n    Kube_URL https://%s:%s\n\n' \
		"$KUBERNETES_SERVICE_HOST" "$KUBERNETES_SERVICE_PORT"
	render_output
} >"$CONFIG"

if [ "$LOG_LEVEL" = debug ]; then
	cat "$CONFIG"
fi

exec /fluent-bit/bin/fluent-bit -c "$CONFIG" "$@"
