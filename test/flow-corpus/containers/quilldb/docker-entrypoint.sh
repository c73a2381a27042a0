#!/usr/bin/env bash
# Entry point of the quilldb image (a Postgres-compatible store).
#   docker run -e QUILL_PASSWORD=... quilldb [quilld flags | command]
set -Eeo pipefail

# load_secret VAR [DEFAULT]: VAR may be given directly or as VAR_FILE (a Docker secret)
load_secret() {
	local var="$1"
	local file_var="${var}_FILE"
	local default="${2:-}"
	if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
		echo >&2 "quilldb: $var and $file_var are exclusive"
		exit 1
	fi
	local value="$default"
	if [ -n "${!var:-}" ]; then
		value="${!var}"
	elif [ -n "${!file_var:-}" ]; then
		value="$(<"${!file_var}")"
	fi
	export "$var"="$value"
	unset "$file_var"
}

sourced() {
	[ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[1]}" = source ]
}

prepare_dirs() {
	local uid
	uid="$(id -u)"
	mkdir -p "$QUILL_DATA" /run/quilldb
	chmod 700 "$QUILL_DATA"
	if [ -n "${QUILL_WAL_DIR:-}" ]; then
		mkdir -p "$QUILL_WAL_DIR"
		chmod 700 "$QUILL_WAL_DIR"
	fi
	if [ "$uid" = 0 ]; then
		chown -R quill:quill "$QUILL_DATA" /run/quilldb
		[ -z "${QUILL_WAL_DIR:-}" ] || chown -R quill:quill "$QUILL_WAL_DIR"
	fi
}

setup_env() {
	: "${QUILL_DATA:=/var/lib/quilldb/data}"
	load_secret QUILL_PASSWORD
	load_secret QUILL_USER quill
	load_secret QUILL_DB "$QUILL_USER"
	load_secret QUILL_INIT_ARGS
	: "${QUILL_AUTH_METHOD:=}"

	declare -g ALREADY_INITIALIZED
	if [ -s "$QUILL_DATA/VERSION" ]; then
		ALREADY_INITIALIZED=yes
	fi
}

check_env() {
	if [ -z "$QUILL_PASSWORD" ] && [ "$QUILL_AUTH_METHOD" != trust ]; then
		cat >&2 <<-'MSG'
			quilldb: the data directory is empty and no superuser password was given.
			         Set QUILL_PASSWORD (or QUILL_PASSWORD_FILE), or QUILL_AUTH_METHOD=trust
			         to allow every connection without a password (not recommended).
		MSG
		exit 1
	fi
}

init_datadir() {
	local args=(--username="$QUILL_USER" --pwfile=<(printf '%s\n' "$QUILL_PASSWORD"))
	if [ -n "$QUILL_WAL_DIR" ]; then
		args+=(--waldir "$QUILL_WAL_DIR")
	fi
	# QUILL_INIT_ARGS is word-split on purpose: "--data-checksums --locale=C"
	quill-initdb -D "$QUILL_DATA" "${args[@]}" $QUILL_INIT_ARGS
}

write_hba() {
	local method="${QUILL_AUTH_METHOD:-scram-sha-256}"
	{
		echo
		if [ "$method" = trust ]; then
			echo '# trust: every host may connect without a password'
		fi
		echo "host all all all $method"
	} >>"$QUILL_DATA/hba.conf"
}

run_sql() {
	quill-sql -v ON_ERROR_STOP=1 -U "$QUILL_USER" -d "$QUILL_DB" --no-rc "$@"
}

run_init_scripts() {
	local f
	for f in "$@"; do
		case "$f" in
			*.sh)
				echo "quilldb: running $f"
				if [ -x "$f" ]; then "$f"; else . "$f"; fi
				;;
			*.sql) echo "quilldb: running $f"; run_sql -f "$f" ;;
			*.sql.gz) echo "quilldb: running $f"; gunzip -c "$f" | run_sql ;;
			*) echo "quilldb: ignoring $f" ;;
		esac
	done
}

temp_server() {
	local action=$1
	shift
	case "$action" in
		start) quill-ctl -D "$QUILL_DATA" -o "-c listen_addresses='' $*" -w start ;;
		stop) quill-ctl -D "$QUILL_DATA" -m fast -w stop ;;
	esac
}

wants_help() {
	local a
	for a in "$@"; do
		case "$a" in
			-'?' | --help | -V | --version) return 0 ;;
		esac
	done
	return 1
}

main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- quilld "$@"
	fi

	if [ "$1" = quilld ] && ! wants_help "$@"; then
		setup_env
		prepare_dirs
		if [ "$(id -u)" = 0 ]; then
			exec gosu quill "${BASH_SOURCE[0]}" "$@"
		fi
		if [ -z "$ALREADY_INITIALIZED" ]; then
			check_env
			init_datadir
			write_hba
			temp_server start "${@:2}"
			run_init_scripts /docker-entrypoint-initdb.d/*
			temp_server stop
			echo "quilldb: initialization complete"
		else
			echo "quilldb: existing data directory, skipping initialization"
		fi
	fi
	exec "$@"
}

if ! sourced; then
	main "$@"
fi
