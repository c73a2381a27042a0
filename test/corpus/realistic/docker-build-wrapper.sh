#!/usr/bin/env bash
# scripts/docker-build.sh -- build and (optionally) push the service images.
#
#   scripts/docker-build.sh [--push] [--platform linux/amd64,linux/arm64] [--no-cache] [IMAGE...]
#
# Images are described by images/<name>/Dockerfile; tags are derived from git:
#   <registry>/<name>:<short sha>      always
#   <registry>/<name>:<branch>         on branches (slashes become dashes)
#   <registry>/<name>:<X.Y.Z>, :<X.Y>  on release tags vX.Y.Z
#   <registry>/<name>:latest           on the default branch
set -Eeuo pipefail

REGISTRY=${REGISTRY:-ghcr.io/example}
DEFAULT_BRANCH=${DEFAULT_BRANCH:-main}
BUILDER=${BUILDX_BUILDER:-ci-builder}
push=false
no_cache=false
platforms=''
declare -a images=()

while (( $# > 0 )); do
    case "$1" in
        --push) push=true ;;
        --no-cache) no_cache=true ;;
        --platform) platforms=$2; shift ;;
        --platform=*) platforms=${1#--platform=} ;;
        --registry) REGISTRY=$2; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        -*) echo "unknown option: $1" >&2; exit 2 ;;
        *) images+=("$1") ;;
    esac
    shift
done

cd "$(git rev-parse --show-toplevel)"

if (( ${#images[@]} == 0 )); then
    for d in images/*/; do
        [[ -f ${d}Dockerfile ]] && images+=("$(basename "$d")")
    done
fi

sha=$(git rev-parse --short=12 HEAD)
ref=$(git symbolic-ref -q --short HEAD || git describe --tags --exact-match 2>/dev/null || echo detached)
dirty=''
git diff --quiet HEAD -- || dirty=-dirty
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# compute_tags NAME -> one tag per line
compute_tags() {
    local name=$1 repo="${REGISTRY}/$1"
    echo "${repo}:${sha}${dirty}"
    if [[ $ref =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]]; then
        echo "${repo}:${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}"
        echo "${repo}:${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
    elif [[ $ref != detached ]]; then
        local branch=${ref//\//-}
        branch=${branch,,}
        echo "${repo}:${branch:0:63}"
        [[ $ref == "$DEFAULT_BRANCH" && -z $dirty ]] && echo "${repo}:latest"
    fi
    return 0
}

ensure_builder() {
    if ! docker buildx inspect "$BUILDER" >/dev/null 2>&1; then
        docker buildx create --name "$BUILDER" --driver docker-container --bootstrap >/dev/null
    fi
    docker buildx use "$BUILDER"
}

# Build args come from images/<name>/build-args (KEY=VALUE lines), with
# ${VAR} references expanded from the environment.
read_build_args() {
    local file="images/$1/build-args" line key value
    [[ -f $file ]] || return 0
    while IFS= read -r line; do
        [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
        key=${line%%=*}
        value=${line#*=}
        # Expand ${NAME} references without eval.
        while [[ $value =~ \$\{([A-Za-z_][A-Za-z0-9_]*)\} ]]; do
            local ref_name=${BASH_REMATCH[1]}
            value=${value//"\${$ref_name}"/${!ref_name-}}
        done
        printf '%s\n' "--build-arg" "${key}=${value}"
    done <"$file"
}

build_image() {
    local name=$1 context="images/$1"
    local -a args tags
    mapfile -t tags < <(compute_tags "$name")
    args=(build --file "$context/Dockerfile" --progress=plain)
    local t
    for t in "${tags[@]}"; do args+=(--tag "$t"); done

    mapfile -t -O "${#args[@]}" args < <(read_build_args "$name")

    args+=(
        --label "org.opencontainers.image.revision=$(git rev-parse HEAD)"
        --label "org.opencontainers.image.created=${created}"
        --label "org.opencontainers.image.source=$(git remote get-url origin 2>/dev/null || echo unknown)"
        --label "org.opencontainers.image.version=${tags[1]##*:}"
    )
    [[ $no_cache == true ]] && args+=(--no-cache)
    if [[ -n $platforms ]]; then
        args+=(--platform "$platforms")
    fi
    if [[ $push == true ]]; then
        args+=(--push --cache-to "type=registry,ref=${REGISTRY}/${name}:buildcache,mode=max")
    elif [[ -z $platforms || $platforms != *,* ]]; then
        # Multi-platform images cannot be loaded into the local daemon.
        args+=(--load)
    fi
    args+=(--cache-from "type=registry,ref=${REGISTRY}/${name}:buildcache")

    # Shared context: a .dockerignore next to the Dockerfile wins.
    [[ -f $context/.dockerignore ]] || context=.

    echo "::group::docker ${args[*]:0:3} ... ${name}"
    local start=$SECONDS
    # Show the output live and keep a copy to grep the digest out of.
    docker buildx "${args[@]}" "$context" 2>&1 | tee >(grep -Eo 'sha256:[0-9a-f]{64}' | tail -n1 >"$tmpdir/$name.digest")
    local rc=${PIPESTATUS[0]}
    echo "::endgroup::"
    if (( rc != 0 )); then
        echo "build of ${name} failed (exit ${rc})" >&2
        return "$rc"
    fi
    results[$name]="$(( SECONDS - start ))s ${tags[0]}"
}

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT
trap 'echo "error on line $LINENO: $BASH_COMMAND" >&2' ERR
declare -A results=()

if [[ $push == true ]]; then
    # Log in only if there is no credential for this registry yet.
    if ! grep -q "\"${REGISTRY%%/*}\"" ~/.docker/config.json 2>/dev/null; then
        : "${REGISTRY_USER:?set REGISTRY_USER/REGISTRY_TOKEN to push}" "${REGISTRY_TOKEN:?}"
        docker login "${REGISTRY%%/*}" -u "$REGISTRY_USER" --password-stdin <<<"$REGISTRY_TOKEN"
    fi
fi
ensure_builder

failed=0
for image in "${images[@]}"; do
    if [[ ! -f images/$image/Dockerfile ]]; then
        echo "no such image: ${image}" >&2
        failed=$((failed + 1))
        continue
    fi
    build_image "$image" || failed=$((failed + 1))
done

echo
printf '%-20s %s\n' IMAGE RESULT
for image in "${!results[@]}"; do
    printf '%-20s %s %s\n' "$image" "${results[$image]}" "$(cat "$tmpdir/$image.digest" 2>/dev/null)"
done
exit $(( failed > 0 ))
