#!/usr/bin/env bash
# Lints shell, Go and frontend code. ci/lint.sh [--fix]
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

FIX=false
if [[ "${1:-}" == --fix ]]; then
	FIX=true
fi

failed=()

run_check() {
	local name=$1
	shift
	log "lint: $name"
	if ! "$@"; then
		failed+=("$name")
	fi
}

shell_files() {
	git -C "$REPO_ROOT" ls-files '*.sh' 'ci/*'
}

run_check shellcheck bash -c "cd '$REPO_ROOT' && shell_files | xargs shellcheck -x"
if $FIX; then
	run_check gofmt gofmt -w "$REPO_ROOT/cmd" "$REPO_ROOT/internal"
	run_check eslint npm --prefix "$REPO_ROOT/frontend" run lint -- --fix
else
	run_check gofmt test -z "$(gofmt -l "$REPO_ROOT/cmd" "$REPO_ROOT/internal")"
	run_check eslint npm --prefix "$REPO_ROOT/frontend" run lint
fi

for f in $(shell_files); do
	if ! head -n1 "$REPO_ROOT/$f" | grep -q '^#!'; then
		warn "$f has no shebang"
		missing_shebang=$((missing_shebang + 1))
	fi
done

if [ "${#failed[@]}" -gt 0 ]; then
	die "failed: ${failed[*]}"
fi
# BUG: missing_shebang is only assigned inside the loop body's if.
log "all linters passed ($missing_shebang files without shebang)"
