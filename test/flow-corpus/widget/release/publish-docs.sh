#!/usr/bin/env bash
# Builds the docs site and pushes it to the gh-pages branch.
# Uses a deploy key when DOCS_DEPLOY_KEY is set (CI), else the user's credentials.
set -euo pipefail

cd "$(dirname "$0")/.."
. release/lib.sh

SITE_DIR=target/site
WORKTREE=$(mktemp -d)
trap 'git worktree remove --force "$WORKTREE" 2>/dev/null || true; rm -rf "$WORKTREE"' EXIT

version=$(current_version)

step "building docs for $version"
mdbook build docs -d "../$SITE_DIR"
cargo doc --no-deps --all-features
cp -r target/doc "$SITE_DIR/api"

if [ -n "${DOCS_DEPLOY_KEY:-}" ]; then
	keyfile=$(mktemp)
	printf '%s\n' "$DOCS_DEPLOY_KEY" >"$keyfile"
	chmod 600 "$keyfile"
	export GIT_SSH_COMMAND="ssh -i $keyfile -o StrictHostKeyChecking=accept-new"
fi

step "publishing"
git fetch "$RELEASE_REMOTE" gh-pages
git worktree add "$WORKTREE" "$RELEASE_REMOTE/gh-pages"
(
	cd "$WORKTREE"
	git rm -rq --ignore-unmatch "v$version" latest
	mkdir -p "v$version"
	cp -r "$OLDPWD/$SITE_DIR/." "v$version/"
	ln -sfn "v$version" latest
	git add -A
	if git diff --cached --quiet; then
		echo "nothing to publish"
		exit 0
	fi
	git -c user.name="docs bot" -c user.email="docs@widget.example" commit -qm "docs: $version"
	git push "$RELEASE_REMOTE" HEAD:gh-pages
	published=1
)

# BUG: published was set in the ( ... ) subshell.
if [ "$published" = 1 ]; then
	echo "docs for $version published"
fi
if [ -n "${keyfile:-}" ]; then
	rm -f "$keyfile"
fi
