# shellcheck shell=bash
# Small helpers used by test.sh; sourced.

: "${TEST_TIMEOUT:=600}"
: "${PARALLEL:=4}"

section_start() {
	local name=$1 title=$2
	echo -e "section_start:$(date +%s):${name}\r\e[0K${title}"
}

section_end() {
	echo -e "section_end:$(date +%s):$1\r\e[0K"
}

junit_dir() {
	echo "${JUNIT_DIR:-reports/junit}"
}

wait_for_port() {
	local host=$1 port=$2 tries=${3:-30}
	while ! nc -z "$host" "$port" 2>/dev/null; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then
			echo "timed out waiting for $host:$port" >&2
			return 1
		fi
		sleep 1
	done
}

on_exit() {
	local rc=$?
	if [ "$rc" -ne 0 ] && [ -n "$DB_CONTAINER" ]; then
		docker logs "$DB_CONTAINER" | tail -n 50
	fi
	[ -n "${DB_CONTAINER:-}" ] && docker rm -f "$DB_CONTAINER" >/dev/null
	return "$rc"
}
