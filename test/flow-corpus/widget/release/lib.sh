# Helpers for the release scripts. Sourced.
# shellcheck shell=bash

RELEASE_REMOTE="${RELEASE_REMOTE:-origin}"
RELEASE_BRANCH=main

step() {
	printf '\n\033[1m== %s\033[0m\n' "$*"
}

die() {
	printf 'release: %s\n' "$*" >&2
	exit 1
}

confirm() {
	local prompt=$1
	if [ -n "${RELEASE_YES:-}" ]; then
		return 0
	fi
	read -r -p "$prompt [y/N] " reply
	[[ "$reply" =~ ^[Yy] ]]
}

current_version() {
	sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1
}

is_semver() {
	[[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]
}

ensure_clean_tree() {
	if [ -n "$(git status --porcelain)" ]; then
		die "working tree is not clean"
	fi
	local branch
	branch=$(git rev-parse --abbrev-ref HEAD)
	if [ "$branch" != "$RELEASE_BRANCH" ]; then
		die "releases are cut from $RELEASE_BRANCH (on $branch)"
	fi
}
