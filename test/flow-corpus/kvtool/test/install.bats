#!/usr/bin/env bats
# The Makefile's install target, run into a temporary DESTDIR.

load helpers

setup_file() {
	export REPO_ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
}

setup() {
	DESTDIR="$(mktemp -d)"
	PREFIX=/usr/local
}

teardown() {
	rm -rf "$DESTDIR"
}

installed() {
	echo "$DESTDIR$PREFIX/$1"
}

@test "install puts the binary in PREFIX/bin" {
	run make -C "$REPO_ROOT" install DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	assert_success
	[ -x "$(installed bin/kvtool)" ]
}

@test "install honours a custom PREFIX" {
	PREFIX=/opt/kv
	run make -C "$REPO_ROOT" install DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	assert_success
	[ -x "$(installed bin/kvtool)" ]
}

@test "uninstall removes what install put" {
	make -C "$REPO_ROOT" install DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	run make -C "$REPO_ROOT" uninstall DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	assert_success
	[ ! -e "$(installed bin/kvtool)" ]
	run find "$DESTDIR" -type f
	assert_output ""
}

@test "the man page is installed when pandoc exists" {
	command -v pandoc >/dev/null || skip "no pandoc"
	run make -C "$REPO_ROOT" install DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	assert_success
	[ -f "$(installed share/man/man1/kvtool.1)" ]
	manpage="$(installed share/man/man1/kvtool.1)"
}

@test "installed version matches the source" {
	run make -C "$REPO_ROOT" install DESTDIR="$DESTDIR" PREFIX="$PREFIX"
	run "$(installed bin/kvtool)" -V
	assert_success
	[[ "$output" == "kvtool $(grep -m1 '^VERSION=' "$REPO_ROOT/bin/kvtool" | cut -d= -f2)" ]]
}
