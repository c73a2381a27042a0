#!/bin/sh
# Prints the version for the build: the tag on HEAD, else last-tag+N-gSHA, else 0.0.0-dev.
# Called by the Makefile as $(shell scripts/gen-version.sh).

if [ -n "$VERSION_OVERRIDE" ]; then
	echo "$VERSION_OVERRIDE"
	exit 0
fi

cd "$(dirname "$0")/.." || exit 1

if ! git rev-parse --git-dir >/dev/null 2>&1; then
	if [ -f VERSION ]; then
		cat VERSION
	else
		echo "0.0.0-dev"
	fi
	exit 0
fi

tag=$(git describe --tags --abbrev=0 2>/dev/null)
if [ -n "$tag" ]; then
	count=$(git rev-list --count "$tag"..HEAD)
	sha=$(git rev-parse --short HEAD)
fi

dirty=""
if ! git diff --quiet 2>/dev/null; then
	dirty="-dirty"
fi

if [ -z "$tag" ]; then
	echo "0.0.0-dev+$(git rev-parse --short HEAD)$dirty"
elif [ "$count" -eq 0 ]; then
	echo "${tag#v}$dirty"
else
	echo "${tag#v}+$count.g$sha$dirty"
fi
