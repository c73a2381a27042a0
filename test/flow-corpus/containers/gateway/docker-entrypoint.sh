#!/bin/sh
# Entry point of the gateway image (nginx-based): run the scripts in /entrypoint.d, then exec.
set -e

quiet_log() {
	[ -n "${GATEWAY_QUIET:-}" ] || echo "$0: $*"
}

run_hooks() {
	dir=/entrypoint.d
	if [ -z "$(find "$dir" -mindepth 1 -maxdepth 1 -type f 2>/dev/null)" ]; then
		quiet_log "no hooks in $dir"
		return
	fi
	find "$dir" -follow -type f -print | sort -V | while read -r hook; do
		case "$hook" in
			*.envsh)
				if [ -x "$hook" ]; then
					quiet_log "sourcing $hook"
					. "$hook"
				fi
				;;
			*.sh)
				if [ -x "$hook" ]; then
					quiet_log "running $hook"
					"$hook"
				else
					quiet_log "not executable, skipped: $hook"
				fi
				;;
			*) quiet_log "ignored: $hook" ;;
		esac
		ran=$((ran + 1))
	done
	# BUG: ran was counted in the pipeline's subshell; it is unset here.
	quiet_log "ran $ran hooks"
}

if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
	run_hooks
fi

if [ -n "$GATEWAY_WORKER_PROCESSES" ]; then
	set -- "$@" -g "worker_processes $GATEWAY_WORKER_PROCESSES;"
fi

exec "$@"
