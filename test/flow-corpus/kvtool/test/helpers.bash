# Shared setup for the kvtool bats tests. Loaded with `load helpers`.

KVTOOL="${BATS_TEST_DIRNAME}/../bin/kvtool"

setup_store() {
	KVTOOL_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/kvtool.XXXXXX")"
	export KVTOOL_DIR
}

teardown_store() {
	if [ -n "$KVTOOL_DIR" ] && [ -d "$KVTOOL_DIR" ]; then
		rm -rf "$KVTOOL_DIR"
	fi
}

kv() {
	run "$KVTOOL" "$@"
}

assert_success() {
	if [ "$status" -ne 0 ]; then
		echo "expected success, got status $status; output:"
		echo "$output"
		return 1
	fi
}

assert_failure() {
	if [ "$status" -eq 0 ]; then
		echo "expected failure; output:"
		echo "$output"
		return 1
	fi
}

assert_output() {
	local expected=$1
	if [ "$output" != "$expected" ]; then
		printf 'expected output:\n%s\nactual output:\n%s\n' "$expected" "$output"
		return 1
	fi
}

assert_line() {
	local n=$1 expected=$2
	if [ "${lines[$n]}" != "$expected" ]; then
		printf 'line %d: expected %q, got %q\n' "$n" "$expected" "${lines[$n]}"
		return 1
	fi
}

skip_unless_gnu_sed() {
	if ! sed --version >/dev/null 2>&1; then
		skip "needs GNU sed"
	fi
}
