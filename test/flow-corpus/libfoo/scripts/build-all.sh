#!/usr/bin/env bash
# Cross-compiles libfoo's CLI for every platform given (default: the usual five).
#   VERSION=1.2.3 scripts/build-all.sh [os/arch ...]
set -euo pipefail

cd "$(dirname "$0")/.."

platforms=("$@")
if [ ${#platforms[@]} -eq 0 ]; then
	platforms=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64)
fi

OUT=dist
LDFLAGS="-s -w -X main.version=${VERSION}"
mkdir -p "$OUT"

build_one() {
	local os=$1 arch=$2
	local ext=""
	[ "$os" = windows ] && ext=.exe
	local out="$OUT/foo-${os}-${arch}${ext}"
	echo "building $out"
	GOOS=$os GOARCH=$arch CGO_ENABLED=0 go build -trimpath -ldflags "$LDFLAGS" -o "$out" ./cmd/foo
	if [ "$os" != windows ]; then
		tar -czf "$out.tar.gz" -C "$OUT" "$(basename "$out")"
	else
		(cd "$OUT" && zip -q "$(basename "$out" .exe).zip" "$(basename "$out")")
	fi
}

failed=0
for p in "${platforms[@]}"; do
	os=${p%/*}
	arch=${p#*/}
	if ! build_one "$os" "$arch"; then
		echo "FAILED: $p" >&2
		failed=$((failed + 1))
	fi
done

(cd "$OUT" && sha256sum foo-* >SHA256SUMS)
echo "built ${#platforms[@]} platforms, $failed failed"
[ "$failed" -eq 0 ]
