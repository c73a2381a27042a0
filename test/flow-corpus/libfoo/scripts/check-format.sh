#!/usr/bin/env bash
# Fails when a C or Go source file is not formatted. FIX=1 rewrites the files instead.
set -eu

cd "$(git rev-parse --show-toplevel)"

CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"
bad=()

check_c() {
	local f=$1
	if [ "${FIX:-0}" = 1 ]; then
		"$CLANG_FORMAT" -i "$f"
	elif ! diff -q <("$CLANG_FORMAT" "$f") "$f" >/dev/null; then
		bad+=("$f")
	fi
}

check_go() {
	local f=$1
	if [ "${FIX:-0}" = 1 ]; then
		gofmt -w "$f"
	elif [ -n "$(gofmt -l "$f")" ]; then
		bad+=("$f")
	fi
}

while IFS= read -r -d '' f; do
	case "$f" in
		*.c | *.h) check_c "$f" ;;
		*.go) check_go "$f" ;;
	esac
done < <(git ls-files -z -- '*.c' '*.h' '*.go')

if [ ${#bad[@]} -gt 0 ]; then
	echo "not formatted (run FIX=1 $0):"
	printf '  %s\n' "${bad[@]}"
	exit 1
fi
echo "format ok"
