#!/usr/bin/env bash
# Cuts a release: bump, commit, tag, push, build artifacts, create the GitHub release.
#   release/release.sh [--dry-run] [--skip-tests] LEVEL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE/.."
source "$HERE/lib.sh"

DRY_RUN=0
SKIP_TESTS=0

usage() {
	echo "usage: $0 [--dry-run] [--skip-tests] major|minor|patch|X.Y.Z" >&2
	exit 2
}

run() {
	if [ "$DRY_RUN" = 1 ]; then
		echo "+ $*"
	else
		"$@"
	fi
}

while [ $# -gt 0 ]; do
	case "$1" in
		-n | --dry-run) DRY_RUN=1 ;;
		--skip-tests) SKIP_TESTS=1 ;;
		-h | --help) usage ;;
		-*) usage ;;
		*) LEVEL="$1" ;;
	esac
	shift
done

[ -n "${LEVEL:-}" ] || usage
command -v gh >/dev/null || die "needs the GitHub CLI (gh)"

ensure_clean_tree
run git fetch "$RELEASE_REMOTE" "$RELEASE_BRANCH"
if [ "$(git rev-parse HEAD)" != "$(git rev-parse "$RELEASE_REMOTE/$RELEASE_BRANCH")" ]; then
	die "local $RELEASE_BRANCH is not up to date with $RELEASE_REMOTE"
fi

if [ "$SKIP_TESTS" = 0 ]; then
	step "tests"
	run cargo test --all --locked
fi

step "version"
if [ "$DRY_RUN" = 1 ]; then
	echo "+ release/bump-version.sh $LEVEL"
else
	VERSION=$(release/bump-version.sh "$LEVEL" | tail -n1)
fi
# BUG: VERSION is not set on a dry run.
TAG="v$VERSION"

confirm "release $TAG?" || die "aborted"

step "commit and tag"
run git commit -m "release: $TAG"
run git tag -a "$TAG" -m "$TAG"
run git push "$RELEASE_REMOTE" "$RELEASE_BRANCH" "$TAG"

step "artifacts"
run cargo build --release --locked
mkdir -p target/dist
run tar -czf "target/dist/widget-$TAG-$(uname -m).tar.gz" -C target/release widget

step "github release"
notes=$(awk -v v="## $VERSION" '$0 ~ "^"v { p=1; next } /^## / { p=0 } p' CHANGELOG.md)
run gh release create "$TAG" target/dist/* --title "$TAG" --notes "$notes"

echo "released $TAG"
