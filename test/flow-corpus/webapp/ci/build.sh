#!/usr/bin/env bash
# Builds the web app image and the static bundle. Called by the pipeline as ci/build.sh [target].
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"

TARGET="${1:-all}"
IMAGE_NAME="webapp"
NODE_VERSION=$(cat "$REPO_ROOT/.nvmrc")

build_bundle() {
	log "building static bundle with node $NODE_VERSION"
	cd "$REPO_ROOT/frontend"
	retry 3 npm ci --no-audit --prefer-offline
	npm run build
	tar -czf "$ARTIFACTS_DIR/bundle.tar.gz" -C dist .
	BUNDLE_SIZE=$(du -k "$ARTIFACTS_DIR/bundle.tar.gz" | cut -f1)
	cd - >/dev/null
}

build_image() {
	local tag
	tag="$(git_sha)"
	log "building image $IMAGE_NAME:$tag on $CI_PROVIDER"
	docker build \
		--build-arg "NODE_VERSION=$NODE_VERSION" \
		--build-arg "GIT_SHA=$tag" \
		--label "org.opencontainers.image.revision=$tag" \
		-t "$IMAGE_NAME:$tag" \
		"$REPO_ROOT"
	if [ "$BRANCH" = main ]; then
		docker tag "$IMAGE_NAME:$tag" "$IMAGE_NAME:latest"
	fi
	echo "$IMAGE_NAME:$tag" >"$ARTIFACTS_DIR/image.txt"
}

case "$TARGET" in
	bundle) build_bundle ;;
	image) build_image ;;
	all)
		build_bundle
		build_image
		;;
	*) die "unknown target: $TARGET" ;;
esac

# BUG: BUNDLE_SIZE is only set when the bundle was built (not for `image`).
log "done (bundle: ${BUNDLE_SIZE} KiB)"
