#!/usr/bin/env bash
# acme doctor: checks that a machine can run acme and says what to fix.
#   scripts/doctor.sh [--verbose]
set -uo pipefail

PASS=0
FAIL=0
VERBOSE=0
[ "${1:-}" = --verbose ] && VERBOSE=1

ok() {
	PASS=$((PASS + 1))
	printf '  [ok]   %s\n' "$1"
}

bad() {
	FAIL=$((FAIL + 1))
	printf '  [FAIL] %s\n' "$1"
	[ -n "$2" ] && printf '         fix: %s\n' "$2"
}

check_cmd() {
	local cmd=$1 hint=$2
	if command -v "$cmd" >/dev/null 2>&1; then
		ok "$cmd found ($(command -v "$cmd"))"
	else
		bad "$cmd not found" "$hint"
	fi
}

check_version() {
	local name=$1 have=$2 want=$3
	if [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]; then
		ok "$name $have >= $want"
	else
		bad "$name $have is older than $want" "upgrade $name"
	fi
}

check_port_free() {
	if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
		bad "port $1 is in use" "stop whatever listens on $1 or set ACME_PORT"
	else
		ok "port $1 is free"
	fi
}

echo "acme doctor"
check_cmd git "install git"
check_cmd docker "https://docs.docker.com/get-docker/"
check_cmd curl "install curl"

if command -v docker >/dev/null 2>&1; then
	docker_version=$(docker version --format '{{.Server.Version}}' 2>/dev/null)
	if [ -n "$docker_version" ]; then
		check_version docker "$docker_version" 24.0.0
	else
		bad "docker daemon not reachable" "start docker, or add $USER to the docker group"
	fi
fi

check_port_free "${ACME_PORT:-8080}"

free_gb=$(df -Pk "$HOME" | awk 'NR == 2 { print int($4 / 1048576) }')
if [ "$free_gb" -ge 5 ]; then
	ok "${free_gb} GiB free in $HOME"
else
	bad "only ${free_gb} GiB free in $HOME" "free some space (acme needs 5 GiB)"
fi

if [ "$VERBOSE" = 1 ]; then
	echo
	echo "environment:"
	env | grep '^ACME_' | sed 's/^/  /'
	echo "  docker: ${docker_version:-n/a}"
fi

echo
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
