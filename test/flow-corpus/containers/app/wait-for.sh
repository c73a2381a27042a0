#!/usr/bin/env bash
# wait-for.sh host:port [-t SECONDS] [-q] [-- command args...]
# Waits until a TCP port accepts connections, then runs the command (if any).

cmdname=${0##*/}

err() {
	if [[ $QUIET -ne 1 ]]; then echo "$cmdname: $*" >&2; fi
}

usage() {
	cat >&2 <<USAGE
usage: $cmdname host:port [-t timeout] [-q] [-s] [-- command args]
  -t N      give up after N seconds (0: never; default 15)
  -q        quiet
  -s        strict: only run the command when the port came up
USAGE
	exit 1
}

probe() {
	(exec 3<>"/dev/tcp/$HOST/$PORT") >/dev/null 2>&1
}

wait_port() {
	local start now
	start=$(date +%s)
	until probe; do
		now=$(date +%s)
		if [[ $TIMEOUT -gt 0 && $((now - start)) -ge $TIMEOUT ]]; then
			err "timeout after ${TIMEOUT}s waiting for $HOST:$PORT"
			return 1
		fi
		sleep 1
	done
	err "$HOST:$PORT is up after $(($(date +%s) - start))s"
}

while [[ $# -gt 0 ]]; do
	case "$1" in
		*:*)
			HOST=${1%:*}
			PORT=${1##*:}
			shift
			;;
		-t)
			TIMEOUT="$2"
			shift 2
			;;
		-q)
			QUIET=1
			shift
			;;
		-s)
			STRICT=1
			shift
			;;
		--)
			shift
			CMD=("$@")
			break
			;;
		*)
			echo "unknown argument: $1" >&2
			usage
			;;
	esac
done

if [[ -z "$HOST" || -z "$PORT" ]]; then
	echo "$cmdname: need host:port" >&2
	usage
fi

TIMEOUT=${TIMEOUT:-15}
QUIET=${QUIET:-0}
STRICT=${STRICT:-0}

wait_port
rc=$?

if [[ ${#CMD[@]} -gt 0 ]]; then
	if [[ $rc -ne 0 && $STRICT -eq 1 ]]; then
		err "strict mode: not running ${CMD[0]}"
		exit $rc
	fi
	exec "${CMD[@]}"
fi
exit $rc
