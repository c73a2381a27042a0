#!/bin/sh
set -e

# first arg is `-f` or `--some-option`
# or first arg is `something.conf`
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# allow the container to be started with `--user`
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
	find . \! -user redis -exec chown redis '{}' +
	exec gosu redis "$0" "$@"
fi

# set an appropriate umask (if one isn't set already)
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

if [ "$1" = 'redis-server' ]; then
	if [ -n "$REDIS_PASSWORD" ]; then
		set -- "$@" --requirepass "$REDIS_PASSWORD"
	fi
	if [ -n "$REDIS_MAXMEMORY" ]; then
		set -- "$@" --maxmemory "$REDIS_MAXMEMORY" --maxmemory-policy "${REDIS_MAXMEMORY_POLICY:-allkeys-lru}"
	fi
	case "$REDIS_APPENDONLY" in
		yes|true|1) set -- "$@" --appendonly yes ;;
	esac
fi

exec "$@"
