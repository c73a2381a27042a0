#!/usr/bin/env bash
# Runs the test suites against a throwaway Postgres.
set -eEuo pipefail

. "${BASH_SOURCE%/*}/utils.sh"

SUITE=${1:-unit}
DB_IMAGE="postgres:16-alpine"
DB_PORT=55432

trap on_exit EXIT

start_db() {
	DB_CONTAINER=$(docker run -d --rm -e POSTGRES_PASSWORD=test -p "$DB_PORT:5432" "$DB_IMAGE")
	wait_for_port 127.0.0.1 "$DB_PORT" 60
	export DATABASE_URL="postgres://postgres:test@127.0.0.1:$DB_PORT/postgres"
}

run_unit() {
	section_start unit "Unit tests"
	go test -race -timeout "${TEST_TIMEOUT}s" -p "$PARALLEL" ./...
	section_end unit
}

run_integration() {
	start_db
	section_start integration "Integration tests"
	mkdir -p "$(junit_dir)"
	gotestsum --junitfile "$(junit_dir)/integration.xml" -- -tags integration -p 1 ./test/integration/...
	section_end integration
}

case "$SUITE" in
	unit) run_unit ;;
	integration) run_integration ;;
	all)
		run_unit
		run_integration
		;;
	*)
		echo "unknown suite $SUITE" >&2
		exit 2
		;;
esac

if [ -n "${COVERAGE:-}" ]; then
	go tool cover -func=coverage.out | tail -n 1
fi
