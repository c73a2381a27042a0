#!/usr/bin/env bats

load helpers

setup() {
	setup_store
}

teardown() {
	teardown_store
}

@test "prints usage without arguments" {
	kv
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == usage:* ]]
}

@test "-V prints the version" {
	kv -V
	assert_success
	[[ "$output" =~ ^kvtool\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "set then get returns the value" {
	kv set greeting hello
	assert_success
	kv get greeting
	assert_success
	assert_output hello
}

@test "get of a missing key fails" {
	kv get nothing-here
	assert_failure
	[[ "$output" == *"no such key"* ]]
}

@test "keys with slashes are refused" {
	kv set a/b value
	assert_failure
	[[ "$output" == *"invalid key"* ]]
}

@test "list shows keys in order" {
	kv set beta 2
	kv set alpha 1
	kv set gamma 3
	kv list
	assert_success
	assert_line 0 alpha
	assert_line 1 beta
	assert_line 2 gamma
}

@test "list with a prefix" {
	kv set app.name demo
	kv set app.port 8080
	kv set other x
	kv list app.
	assert_success
	[ "${#lines[@]}" -eq 2 ]
}

@test "-d overrides KVTOOL_DIR" {
	local alt
	alt="$(mktemp -d)"
	kv -d "$alt" set k v
	assert_success
	[ -f "$alt/k" ]
	[ ! -f "$KVTOOL_DIR/k" ]
	rm -rf "$alt"
}

@test "dump prints key=value lines" {
	kv set a 1
	kv set b 2
	kv dump
	assert_success
	assert_output $'a=1\nb=2'
}
