#!/usr/bin/env bash
# Entry point of the API image: wait for dependencies, migrate, then run the given command.
set -euo pipefail

APP_HOME=/srv/app
: "${APP_ENV:=production}"
: "${PORT:=8000}"
WORKERS="${WEB_CONCURRENCY:-$(( $(nproc) * 2 + 1 ))}"

log() { echo "entrypoint: $*" >&2; }

wait_for() {
	local host=$1 port=$2 name=$3
	local i
	for i in $(seq 1 "${WAIT_TIMEOUT:-60}"); do
		if (echo >"/dev/tcp/$host/$port") 2>/dev/null; then
			log "$name is up ($host:$port) after ${i}s"
			return 0
		fi
		sleep 1
	done
	log "$name did not come up at $host:$port"
	return 1
}

parse_database_url() {
	# postgres://user:pass@host:port/db
	local rest=${DATABASE_URL#*://}
	rest=${rest#*@}
	DB_HOST=${rest%%[:/]*}
	DB_PORT=${rest#*:}
	DB_PORT=${DB_PORT%%/*}
}

if [ -n "${DATABASE_URL:-}" ]; then
	parse_database_url
	wait_for "$DB_HOST" "$DB_PORT" postgres
fi
if [ -n "${REDIS_URL:-}" ]; then
	redis_hostport=${REDIS_URL#redis://}
	wait_for "${redis_hostport%:*}" "${redis_hostport##*:}" redis
fi

cd "$APP_HOME"

if [ "${1:-}" = "web" ] || [ $# -eq 0 ]; then
	if [ "${RUN_MIGRATIONS:-1}" = 1 ]; then
		log "running migrations against $DB_HOST"
		python manage.py migrate --noinput
	fi
	exec gunicorn app.wsgi --bind "0.0.0.0:$PORT" --workers "$WORKERS" --access-logfile - \
		${GUNICORN_EXTRA_ARGS}
fi

case "$1" in
	worker)
		shift
		exec celery -A app worker --loglevel="${LOG_LEVEL:-info}" "$@"
		;;
	shell)
		exec python manage.py shell
		;;
esac

exec "$@"
