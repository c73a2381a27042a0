#!/usr/bin/env bash
# Prints the test matrix for this pipeline as JSON (consumed by the CI config's dynamic child jobs).
set -euo pipefail

. "$(dirname "$0")/lib/common.sh"

GO_VERSIONS=("1.21" "1.22")
DBS=(postgres:15 postgres:16)

changed_paths() {
	local base
	if [ "$CI_PROVIDER" = github ]; then
		base="origin/${GITHUB_BASE_REF}"
	else
		base="origin/${CI_MERGE_REQUEST_TARGET_BRANCH_NAME}"
	fi
	git -C "$REPO_ROOT" diff --name-only "$base"...HEAD
}

include_frontend=false
include_backend=false
while read -r path; do
	case "$path" in
		frontend/*) include_frontend=true ;;
		cmd/* | internal/* | go.mod | go.sum) include_backend=true ;;
		ci/*)
			include_frontend=true
			include_backend=true
			;;
	esac
done < <(changed_paths)

# main always runs everything
if [ "$BRANCH" = main ]; then
	include_frontend=true
	include_backend=true
fi

entries=()
if $include_backend; then
	for go in "${GO_VERSIONS[@]}"; do
		for db in "${DBS[@]}"; do
			entries+=("{\"suite\":\"backend\",\"go\":\"$go\",\"db\":\"$db\"}")
		done
	done
fi
if $include_frontend; then
	entries+=('{"suite":"frontend","node":"20"}')
fi

IFS=,
echo "{\"include\":[${entries[*]}]}"
log "matrix: ${#entries[@]} jobs" >&2
