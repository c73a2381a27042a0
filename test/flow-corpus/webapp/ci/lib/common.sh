#!/usr/bin/env bash
# Shared helpers for the CI scripts. Sourced, never run.

# shellcheck disable=SC2034

CI_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$CI_LIB_DIR/../.." && pwd)"
ARTIFACTS_DIR="$REPO_ROOT/_artifacts"

if [ -t 1 ]; then
	COLOR_RED=$'\e[31m'
	COLOR_GREEN=$'\e[32m'
	COLOR_RESET=$'\e[0m'
fi

log() {
	echo "${COLOR_GREEN}[ci]${COLOR_RESET} $(date -u +%H:%M:%S) $*"
}

warn() {
	echo "${COLOR_RED}[ci] warning:${COLOR_RESET} $*" >&2
}

die() {
	echo "${COLOR_RED}[ci] fatal:${COLOR_RESET} $*" >&2
	exit 1
}

retry() {
	local attempts=$1
	shift
	local n=1
	until "$@"; do
		if [ "$n" -ge "$attempts" ]; then
			return 1
		fi
		warn "attempt $n/$attempts failed: $*; retrying in $((n * 5))s"
		sleep $((n * 5))
		n=$((n + 1))
	done
}

require_env() {
	local name
	for name in "$@"; do
		if [ -z "${!name:-}" ]; then
			die "$name must be set"
		fi
	done
}

git_sha() {
	git -C "$REPO_ROOT" rev-parse --short=12 HEAD
}

if [ -n "${GITHUB_ACTIONS:-}" ]; then
	CI_PROVIDER=github
	BRANCH="${GITHUB_REF_NAME}"
elif [ -n "${GITLAB_CI:-}" ]; then
	CI_PROVIDER=gitlab
	BRANCH="${CI_COMMIT_REF_NAME}"
fi

mkdir -p "$ARTIFACTS_DIR"
