#!/usr/bin/env bash
# Runs the benchmarks and compares them with the previous run (benchstat).
#   scripts/run-benchmarks.sh [--count N] [--save NAME] [REGEX]
set -euo pipefail

COUNT=10
BENCH_DIR=.bench
SAVE_AS=""
PATTERN=.

while [ $# -gt 0 ]; do
	case "$1" in
		--count)
			COUNT="$2"
			shift 2
			;;
		--save)
			SAVE_AS="$2"
			shift 2
			;;
		-*)
			echo "unknown flag $1" >&2
			exit 2
			;;
		*)
			PATTERN="$1"
			shift
			;;
	esac
done

mkdir -p "$BENCH_DIR"
new="$BENCH_DIR/new.txt"
old="$BENCH_DIR/old.txt"

if [ -f "$new" ]; then
	mv "$new" "$old"
fi

go test -run '^$' -bench "$PATTERN" -benchmem -count "$COUNT" ./... | tee "$new"

if [ -n "$SAVE_AS" ]; then
	cp "$new" "$BENCH_DIR/$SAVE_AS.txt"
fi

if [ -f "$old" ] && command -v benchstat >/dev/null; then
	benchstat "$old" "$new"
fi
