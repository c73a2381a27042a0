#!/bin/bash
# ledgerdb server image entry point (MySQL-protocol compatible).
set -eo pipefail
shopt -s nullglob

note() { printf '%s [Note] [entrypoint] %s\n' "$(date -u +%FT%TZ)" "$*"; }
warn() { printf '%s [Warn] [entrypoint] %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
fatal() {
	printf '%s [ERROR] [entrypoint] %s\n' "$(date -u +%FT%TZ)" "$*" >&2
	exit 1
}

env_or_file() {
	local name="$1"
	local file_name="${name}_FILE"
	if [ -n "${!name:-}" ] && [ -n "${!file_name:-}" ]; then
		fatal "set $name or $file_name, not both"
	fi
	if [ -n "${!file_name:-}" ]; then
		export "$name"="$(<"${!file_name}")"
	else
		export "$name"="${!name:-${2:-}}"
	fi
	unset "$file_name"
}

server_option() {
	local option="$1"
	shift
	"$@" --verbose --help 2>/dev/null |
		awk -v opt="$option" '$1 == opt { print $2; exit }'
}

gather_env() {
	DATADIR="$(server_option datadir "$@")"
	SOCKET="$(server_option socket "$@")"
	env_or_file LEDGER_ROOT_PASSWORD
	env_or_file LEDGER_DATABASE
	env_or_file LEDGER_USER
	env_or_file LEDGER_PASSWORD
	env_or_file LEDGER_ROOT_HOST '%'
	if [ -d "$DATADIR/system" ]; then
		HAS_DATA=1
	fi
}

validate_env() {
	if [ -z "$LEDGER_ROOT_PASSWORD" ] && [ -z "$LEDGER_ALLOW_EMPTY_PASSWORD" ] && [ -z "$LEDGER_RANDOM_ROOT_PASSWORD" ]; then
		fatal "no root password: set LEDGER_ROOT_PASSWORD, LEDGER_ALLOW_EMPTY_PASSWORD or LEDGER_RANDOM_ROOT_PASSWORD"
	fi
	if [ "$LEDGER_USER" = root ]; then
		fatal 'LEDGER_USER=root is not allowed; LEDGER_USER is for an extra, regular user'
	fi
}

client() {
	ledger-client --protocol=socket -uroot -hlocalhost --socket="$SOCKET" "$@"
}

bootstrap() {
	note "initializing $DATADIR"
	ledger-install-db --datadir="$DATADIR" --skip-test-db "${@:2}"
	"$@" --skip-networking --socket="$SOCKET" &
	SERVER_PID=$!
	for _ in $(seq 30); do
		client -e 'SELECT 1' >/dev/null 2>&1 && break
		sleep 1
	done

	if [ -n "$LEDGER_RANDOM_ROOT_PASSWORD" ]; then
		LEDGER_ROOT_PASSWORD="$(openssl rand -base64 24)"
		note "generated root password: $LEDGER_ROOT_PASSWORD"
	fi
	client <<-SQL
		ALTER USER 'root'@'localhost' IDENTIFIED BY '${LEDGER_ROOT_PASSWORD}';
		CREATE USER IF NOT EXISTS 'root'@'${LEDGER_ROOT_HOST}' IDENTIFIED BY '${LEDGER_ROOT_PASSWORD}';
	SQL
	if [ -n "$LEDGER_DATABASE" ]; then
		client -e "CREATE DATABASE IF NOT EXISTS \`$LEDGER_DATABASE\`"
	fi
	if [ -n "$LEDGER_USER" ] && [ -n "$LEDGER_PASSWORD" ]; then
		client -e "CREATE USER '$LEDGER_USER'@'%' IDENTIFIED BY '$LEDGER_PASSWORD'"
		[ -z "$LEDGER_DATABASE" ] || client -e "GRANT ALL ON \`$LEDGER_DATABASE\`.* TO '$LEDGER_USER'@'%'"
	fi
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
			*.sh) note "running $f"; . "$f" ;;
			*.sql) note "running $f"; client "$LEDGER_DATABASE" <"$f" ;;
			*) warn "ignoring $f" ;;
		esac
	done
	kill "$SERVER_PID"
	wait "$SERVER_PID"
}

main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- ledgerd "$@"
	fi
	if [ "$1" = ledgerd ]; then
		gather_env "$@"
		if [ "$(id -u)" = 0 ]; then
			exec gosu ledger "$BASH_SOURCE" "$@"
		fi
		if [ -z "$HAS_DATA" ]; then
			validate_env
			bootstrap "$@"
		fi
	fi
	exec "$@"
}

main "$@"
