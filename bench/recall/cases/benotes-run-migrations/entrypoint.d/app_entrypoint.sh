#!/usr/bin/env bash
# Prepares the benotes app at container start (in the style of
# fr0tt/benotes' docker/entrypoint.d/app_entrypoint.sh).
set -eu

cd /var/www

if [ "$RUN_MIGRATIONS" = "true" ]; then
    echo "Running database migrations"
    php artisan migrate --force
fi

php artisan config:cache
php artisan route:cache

if [ ! -f storage/oauth-private.key ]; then
    php artisan passport:keys
fi
