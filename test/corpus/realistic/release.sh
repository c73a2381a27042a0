#!/usr/bin/env bash
# scripts/release.sh -- cut a release of the project.
#
#   scripts/release.sh [major|minor|patch|prerelease|X.Y.Z] [--dry-run] [--no-push]
#
# Steps: check the tree is clean and on main, compute the next version,
# update VERSION + CHANGELOG.md, build the tarballs for every platform,
# write SHA256SUMS (signed), commit, tag, push, and draft the GitHub release.
set -euo pipefail
IFS=$'\n\t'

cd "$(git rev-parse --show-toplevel)"

readonly RELEASE_BRANCH=${RELEASE_BRANCH:-main}
readonly DIST=dist
readonly -a PLATFORMS=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64)
dry_run=false
push=true
bump=patch

for arg; do
    case $arg in
        --dry-run) dry_run=true ;;
        --no-push) push=false ;;
        major | minor | patch | prerelease) bump=$arg ;;
        [0-9]*.[0-9]*.[0-9]*) bump=$arg ;;
        -h | --help)
            sed -n '2,8p' "$0" | cut -c3-
            exit 0
            ;;
        *)
            echo "release.sh: unknown argument '$arg'" >&2
            exit 2
            ;;
    esac
done

step() { printf '\n\033[1;34m▶ %s\033[0m\n' "$*"; }
die() { printf '\033[1;31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

maybe() {
    if [[ $dry_run == true ]]; then
        printf '  [dry-run] %s\n' "${*@Q}"
    else
        "$@"
    fi
}

# --- preflight ---------------------------------------------------------------
step "preflight"
branch=$(git rev-parse --abbrev-ref HEAD)
[[ $branch == "$RELEASE_BRANCH" ]] || die "releases are cut from $RELEASE_BRANCH, not $branch"
git diff --quiet && git diff --cached --quiet || die "working tree has uncommitted changes"
git fetch --quiet origin "$RELEASE_BRANCH" --tags
if [[ $(git rev-parse HEAD) != $(git rev-parse "origin/$RELEASE_BRANCH") ]]; then
    die "local $RELEASE_BRANCH differs from origin; pull or push first"
fi
for tool in go gpg tar zip sha256sum gh; do
    command -v "$tool" >/dev/null || die "missing tool: $tool"
done

# --- version -----------------------------------------------------------------
current=$(<VERSION)
current=${current%%[[:space:]]*}
semver_re='^([0-9]+)\.([0-9]+)\.([0-9]+)(-(rc|beta|alpha)\.([0-9]+))?$'
[[ $current =~ $semver_re ]] || die "VERSION holds '$current', which is not semver"
major=${BASH_REMATCH[1]}
minor=${BASH_REMATCH[2]}
patch=${BASH_REMATCH[3]}
pre_kind=${BASH_REMATCH[5]}
pre_num=${BASH_REMATCH[6]}

case $bump in
    major) next="$((major + 1)).0.0" ;;
    minor) next="${major}.$((minor + 1)).0" ;;
    patch)
        if [[ -n $pre_kind ]]; then
            next="${major}.${minor}.${patch}" # 1.4.0-rc.2 -> 1.4.0
        else
            next="${major}.${minor}.$((patch + 1))"
        fi
        ;;
    prerelease)
        if [[ -n $pre_kind ]]; then
            next="${major}.${minor}.${patch}-${pre_kind}.$((pre_num + 1))"
        else
            next="${major}.${minor}.$((patch + 1))-rc.1"
        fi
        ;;
    *)
        [[ $bump =~ $semver_re ]] || die "not a valid version: $bump"
        next=$bump
        ;;
esac
tag="v${next}"
git rev-parse -q --verify "refs/tags/$tag" >/dev/null && die "tag $tag already exists"
echo "  ${current} → ${next}"

# --- changelog ---------------------------------------------------------------
step "changelog"
prev_tag=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null || true)
range=${prev_tag:+${prev_tag}..}HEAD

declare -A sections=([feat]=Features [fix]=Fixes [perf]=Performance [docs]=Documentation)
declare -A entries=()
while IFS=$'\x1f' read -r sha subject; do
    # Conventional commits: "type(scope)!: description"
    if [[ $subject =~ ^([a-z]+)(\(([^\)]+)\))?(!)?:\ (.+)$ ]]; then
        type=${BASH_REMATCH[1]}
        scope=${BASH_REMATCH[3]}
        breaking=${BASH_REMATCH[4]}
        desc=${BASH_REMATCH[5]}
        [[ -n ${sections[$type]-} ]] || continue
        line="- ${scope:+**${scope}:** }${desc^} (${sha:0:7})"
        [[ -n $breaking ]] && line+=" **BREAKING**"
        entries[$type]+="${line}"$'\n'
    fi
done < <(git log --no-merges --format='%H%x1f%s' "$range")

notes=$(
    printf '## %s (%s)\n' "$tag" "$(date -u +%Y-%m-%d)"
    for type in feat fix perf docs; do
        [[ -n ${entries[$type]-} ]] || continue
        printf '\n### %s\n\n%s' "${sections[$type]}" "${entries[$type]}"
    done
    # Footer comes from a quoted heredoc so the backticks stay literal.
    cat <<"FOOTER"

### Install

```sh
curl -fsSL https://get.example.dev/install.sh | sh
```
FOOTER
)
printf '%s\n' "$notes" | sed 's/^/  │ /'

if [[ $dry_run == false ]]; then
    {
        head -n 2 CHANGELOG.md
        printf '%s\n\n' "$notes"
        tail -n +3 CHANGELOG.md
    } >CHANGELOG.md.new
    mv CHANGELOG.md.new CHANGELOG.md
    printf '%s\n' "$next" >VERSION
fi

# --- build -------------------------------------------------------------------
step "build ${#PLATFORMS[@]} platforms"
maybe rm -rf "$DIST"
mkdir -p "$DIST"
ldflags="-s -w -X main.version=${next} -X main.commit=$(git rev-parse --short HEAD) -X main.date=$(date -u +%FT%TZ)"
for platform in "${PLATFORMS[@]}"; do
    goos=${platform%/*}
    goarch=${platform#*/}
    name="tool_${next}_${goos}_${goarch}"
    bin=tool
    [[ $goos == windows ]] && bin=tool.exe
    echo "  ${platform} → ${name}"
    maybe env CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" \
        go build -trimpath -ldflags "$ldflags" -o "$DIST/$name/$bin" ./cmd/tool
    [[ $dry_run == true ]] && continue
    cp LICENSE README.md "$DIST/$name/"
    if [[ $goos == windows ]]; then
        (cd "$DIST" && zip -qr "${name}.zip" "$name")
    else
        tar -C "$DIST" -czf "$DIST/${name}.tar.gz" --owner=0 --group=0 "$name"
    fi
    rm -rf "${DIST:?}/${name:?}"
done

if [[ $dry_run == false ]]; then
    (
        cd "$DIST"
        sha256sum -- *.tar.gz *.zip >SHA256SUMS
        gpg --batch --yes --armor --detach-sign --local-user "${GPG_KEY_ID:?set GPG_KEY_ID}" SHA256SUMS
    )
fi

# --- commit, tag, push -------------------------------------------------------
step "commit and tag $tag"
maybe git add VERSION CHANGELOG.md
maybe git commit -q -m "release: ${tag}"
maybe git tag -s -m "${tag}" "$tag"
if [[ $push == true ]]; then
    maybe git push --atomic origin "$RELEASE_BRANCH" "$tag"
fi

step "draft GitHub release"
prerelease_flag=()
[[ $next == *-* ]] && prerelease_flag=(--prerelease)
maybe gh release create "$tag" --draft "${prerelease_flag[@]}" \
    --title "${tag/#v/Version }" --notes "$notes" "$DIST"/*

echo
echo "🚀 Done. Review the draft at: $(gh browse --no-browser --releases 2>/dev/null || echo 'the releases page')"
