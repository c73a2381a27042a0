#!/usr/bin/env bash
# bump-version.sh major|minor|patch|X.Y.Z  -- updates Cargo.toml, package.json and the changelog heading.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. release/lib.sh

if [ $# -ne 1 ]; then
	echo "usage: $0 major|minor|patch|X.Y.Z" >&2
	exit 2
fi

old=$(current_version)
IFS=. read -r major minor patch <<<"${old%%-*}"

case "$1" in
	major) new="$((major + 1)).0.0" ;;
	minor) new="$major.$((minor + 1)).0" ;;
	patch) new="$major.$minor.$((patch + 1))" ;;
	*)
		is_semver "$1" || die "not a version: $1"
		new="$1"
		;;
esac

step "bumping $old -> $new"
sed -i.bak "0,/^version = \".*\"/s//version = \"$new\"/" Cargo.toml && rm Cargo.toml.bak
if [ -f package.json ]; then
	npm version --no-git-tag-version "$new" >/dev/null
	touched_npm=1
fi
today=$(date +%Y-%m-%d)
sed -i.bak "s/^## Unreleased$/## Unreleased\n\n## $new - $today/" CHANGELOG.md && rm CHANGELOG.md.bak

git add Cargo.toml CHANGELOG.md
if [ "${touched_npm:-0}" = 1 ]; then
	git add package.json package-lock.json
fi
echo "$new"
