#!/usr/bin/env bash
# Runs the tests with coverage and fails under a minimum percentage.
#   scripts/coverage.sh [MIN_PERCENT]     (the Makefile passes $(COVERAGE_MIN), maybe empty)
set -euo pipefail

MIN="$1"
PROFILE=coverage.out
HTML=coverage.html
PKGS="${COVERAGE_PKGS:-./...}"

cd "$(dirname "$0")/.."

go test -covermode=atomic -coverprofile="$PROFILE" $PKGS
total=$(go tool cover -func="$PROFILE" | awk '/^total:/ { sub("%", "", $3); print $3 }')

if [ -n "${CI:-}" ]; then
	go tool cover -html="$PROFILE" -o "$HTML"
	report="$HTML"
fi

echo "coverage: ${total}% (minimum ${MIN:-none})"

if [ -n "$MIN" ] && awk -v t="$total" -v m="$MIN" 'BEGIN { exit !(t < m) }'; then
	echo "coverage ${total}% is below ${MIN}%" >&2
	exit 1
fi

# Lowest-covered functions, to point at what to test next.
go tool cover -func="$PROFILE" | grep -v '^total:' | sort -k3 -n | head -n "${SHOW_LOWEST:-5}"

# BUG: report is set only on CI.
echo "report: $report"
