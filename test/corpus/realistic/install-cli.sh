#!/usr/bin/env bash
#
# Installer for the `tern` command-line tool.
#
#   curl -fsSL https://get.tern.example/install.sh | bash
#   curl -fsSL https://get.tern.example/install.sh | bash -s -- --version 2.4.1 --prefix ~/.local
#
# Environment overrides:
#   TERN_VERSION       version to install (default: latest)
#   TERN_INSTALL_DIR   where the binary goes (default: /usr/local/bin or ~/.local/bin)
#   TERN_NO_MODIFY_PATH  set to 1 to leave shell rc files alone
#   TERN_DOWNLOAD_URL  mirror base URL
#
# This script is meant to be piped into bash, so everything lives inside
# functions and the last line calls main; a truncated download then does
# nothing instead of half an install.

set -euo pipefail

readonly PROJECT=tern
readonly DEFAULT_BASE_URL="https://downloads.tern.example/releases"
BASE_URL="${TERN_DOWNLOAD_URL:-$DEFAULT_BASE_URL}"
VERSION="${TERN_VERSION:-latest}"
INSTALL_DIR="${TERN_INSTALL_DIR:-}"
NO_MODIFY_PATH="${TERN_NO_MODIFY_PATH:-0}"
QUIET=0
DRY_RUN=0

# Colours only when stdout is a terminal.
if [[ -t 1 ]] && command -v tput >/dev/null 2>&1 && (( $(tput colors 2>/dev/null || echo 0) >= 8 )); then
    BOLD=$(tput bold) RED=$(tput setaf 1) GREEN=$(tput setaf 2) YELLOW=$(tput setaf 3) RESET=$(tput sgr0)
else
    BOLD='' RED='' GREEN='' YELLOW='' RESET=''
fi

say()  { (( QUIET )) || printf '%s\n' "$*"; }
info() { say "${BOLD}==>${RESET} $*"; }
warn() { printf '%swarning:%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }

usage() {
    cat <<EOF
Install ${PROJECT} ${VERSION}.

Usage: install.sh [options]

Options:
  -v, --version VERSION   install VERSION instead of "${VERSION}"
  -p, --prefix DIR        install into DIR/bin
  -b, --bin-dir DIR       install the binary into DIR
  -q, --quiet             print nothing but errors
  -n, --dry-run           show what would be done
      --no-modify-path    do not touch ~/.bashrc, ~/.zshrc, ~/.profile
  -h, --help              this text
EOF
}

need() {
    command -v "$1" >/dev/null 2>&1 || die "this installer needs '$1' (not found in PATH)"
}

run() {
    if (( DRY_RUN )); then
        say "would run: $*"
    else
        "$@"
    fi
}

detect_os() {
    local os
    case "$(uname -s)" in
        Linux)
            os=linux
            # Alpine and friends ship musl; the glibc build will not start there.
            if ldd --version 2>&1 | grep -qi musl; then
                os=linux-musl
            fi
            ;;
        Darwin) os=darwin ;;
        FreeBSD) os=freebsd ;;
        MINGW* | MSYS* | CYGWIN*) os=windows ;;
        *) die "unsupported operating system: $(uname -s)" ;;
    esac
    printf '%s\n' "$os"
}

detect_arch() {
    local arch
    arch=$(uname -m)
    case "$arch" in
        x86_64 | amd64) arch=amd64 ;;
        aarch64 | arm64) arch=arm64 ;;
        armv7* | armv8l) arch=armv7 ;;
        armv6*) arch=armv6 ;;
        i?86) arch=386 ;;
        ppc64le | s390x | riscv64) ;;
        *) die "unsupported architecture: $arch" ;;
    esac

    # A 32-bit userland on a 64-bit kernel reports the kernel's machine.
    if [[ $arch == amd64 ]] && command -v getconf >/dev/null && [[ $(getconf LONG_BIT) == 32 ]]; then
        arch=386
    fi
    # Rosetta: prefer the native binary on Apple silicon.
    if [[ $(uname -s) == Darwin && $arch == amd64 ]] \
        && [[ $(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0) == 1 ]]; then
        arch=arm64
    fi
    printf '%s\n' "$arch"
}

downloader=''
pick_downloader() {
    if command -v curl >/dev/null 2>&1; then
        downloader=curl
    elif command -v wget >/dev/null 2>&1; then
        downloader=wget
    else
        die "neither curl nor wget is installed"
    fi
}

fetch() { # fetch URL DEST
    local url=$1 dest=$2
    case $downloader in
        curl) curl --proto '=https' --tlsv1.2 -fsSL --retry 3 -o "$dest" "$url" ;;
        wget) wget -q --https-only -O "$dest" "$url" ;;
    esac
}

fetch_stdout() {
    case $downloader in
        curl) curl --proto '=https' --tlsv1.2 -fsSL "$1" ;;
        wget) wget -q --https-only -O - "$1" ;;
    esac
}

resolve_version() {
    if [[ $VERSION == latest ]]; then
        VERSION=$(fetch_stdout "$BASE_URL/latest.txt" | tr -d '[:space:]') \
            || die "could not look up the latest version"
    fi
    VERSION=${VERSION#v}
    [[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] \
        || die "not a version: '$VERSION'"
}

pick_install_dir() {
    if [[ -n $INSTALL_DIR ]]; then
        return
    fi
    if [[ -w /usr/local/bin ]] || (( EUID == 0 )); then
        INSTALL_DIR=/usr/local/bin
    else
        INSTALL_DIR="$HOME/.local/bin"
    fi
}

verify_checksum() { # verify_checksum FILE SUMS_FILE
    local file=$1 sums=$2 name expected actual
    name=$(basename "$file")
    expected=$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1 }' "$sums")
    [[ -n $expected ]] || die "no checksum for $name in $(basename "$sums")"

    if command -v sha256sum >/dev/null 2>&1; then
        actual=$(sha256sum "$file" | cut -d' ' -f1)
    elif command -v shasum >/dev/null 2>&1; then
        actual=$(shasum -a 256 "$file" | cut -d' ' -f1)
    else
        warn "no sha256sum/shasum; skipping checksum verification"
        return 0
    fi
    if [[ ${actual,,} != "${expected,,}" ]]; then
        die "checksum mismatch for $name: expected $expected, got $actual"
    fi
}

add_to_path() {
    local dir=$1 rc line
    (( NO_MODIFY_PATH == 1 )) && return 0
    case ":$PATH:" in
        *":$dir:"*) return 0 ;;
    esac
    line="export PATH=\"$dir:\$PATH\""
    for rc in ~/.bashrc ~/.zshrc ~/.profile; do
        [[ -f $rc ]] || continue
        if ! grep -qsF -- "$line" "$rc"; then
            info "adding $dir to PATH in ${rc/#$HOME/~}"
            (( DRY_RUN )) || printf '\n# added by the %s installer\n%s\n' "$PROJECT" "$line" >> "$rc"
        fi
    done
    warn "restart your shell or run: $line"
}

parse_args() {
    while (( $# )); do
        case $1 in
            -v | --version) VERSION=${2:?--version needs a value}; shift ;;
            --version=*) VERSION=${1#*=} ;;
            -p | --prefix) INSTALL_DIR="${2%/}/bin"; shift ;;
            --prefix=*) INSTALL_DIR="${1#*=}"; INSTALL_DIR="${INSTALL_DIR%/}/bin" ;;
            -b | --bin-dir) INSTALL_DIR=$2; shift ;;
            -q | --quiet) QUIET=1 ;;
            -n | --dry-run) DRY_RUN=1 ;;
            --no-modify-path) NO_MODIFY_PATH=1 ;;
            -h | --help) usage; exit 0 ;;
            --) shift; break ;;
            -*) die "unknown option: $1 (see --help)" ;;
            *) die "unexpected argument: $1" ;;
        esac
        shift
    done
}

main() {
    parse_args "$@"
    need uname
    need tar
    pick_downloader

    local os arch tmp archive ext=tar.gz
    os=$(detect_os)
    arch=$(detect_arch)
    [[ $os == windows ]] && ext=zip
    resolve_version
    pick_install_dir

    info "installing ${PROJECT} ${VERSION} (${os}/${arch}) into ${INSTALL_DIR}"

    tmp=$(mktemp -d "${TMPDIR:-/tmp}/${PROJECT}-install.XXXXXX")
    # shellcheck disable=SC2064  # expand $tmp now, not at exit
    trap "rm -rf '$tmp'" EXIT INT TERM

    archive="${PROJECT}_${VERSION}_${os}_${arch}.${ext}"
    fetch "$BASE_URL/v$VERSION/$archive" "$tmp/$archive" \
        || die "download failed: $BASE_URL/v$VERSION/$archive"
    fetch "$BASE_URL/v$VERSION/SHA256SUMS" "$tmp/SHA256SUMS" \
        || die "could not download checksums"
    verify_checksum "$tmp/$archive" "$tmp/SHA256SUMS"

    case $ext in
        tar.gz) tar -xzf "$tmp/$archive" -C "$tmp" ;;
        zip) need unzip; unzip -q "$tmp/$archive" -d "$tmp" ;;
    esac

    local bin="$tmp/$PROJECT"
    [[ $os == windows ]] && bin+=.exe
    [[ -f $bin ]] || die "archive did not contain $(basename "$bin")"

    run mkdir -p "$INSTALL_DIR"
    if [[ -w $INSTALL_DIR ]]; then
        run install -m 0755 "$bin" "$INSTALL_DIR/"
    else
        warn "$INSTALL_DIR is not writable; using sudo"
        need sudo
        run sudo install -m 0755 "$bin" "$INSTALL_DIR/"
    fi

    add_to_path "$INSTALL_DIR"

    if (( ! DRY_RUN )); then
        local got
        got=$("$INSTALL_DIR/$PROJECT" --version 2>/dev/null || true)
        say "${GREEN}installed:${RESET} ${got:-$PROJECT $VERSION}"
    fi
}

main "$@"
