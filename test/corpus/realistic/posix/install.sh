#!/bin/sh
# Installer for "quill", the static site generator.
#
#   curl -sSf https://quill.example.org/install.sh | sh
#   curl -sSf https://quill.example.org/install.sh | sh -s -- -y --to ~/bin
#
# POSIX sh only: this runs under dash, busybox ash, FreeBSD sh and macOS
# /bin/sh (bash in POSIX mode). No arrays, no [[ ]], no local.
#
# The whole script is wrapped in main() and called on the last line, so a
# partially downloaded file does nothing.

set -eu

QUILL_REPO_URL=${QUILL_REPO_URL:-https://dl.quill.example.org}
QUILL_VERSION=${QUILL_VERSION:-}
QUILL_DEST=${QUILL_DEST:-}
ASSUME_YES=0
QUIET=0

say() {
    [ "$QUIET" -eq 1 ] || printf 'quill-install: %s\n' "$*"
}

err() {
    printf 'quill-install: error: %s\n' "$*" >&2
    exit 1
}

has() {
    command -v "$1" >/dev/null 2>&1
}

need() {
    has "$1" || err "need '$1' (command not found)"
}

usage() {
    cat <<EOF
quill installer

USAGE:
    install.sh [OPTIONS]

OPTIONS:
    -y, --yes           do not ask for confirmation
    -q, --quiet         print only errors
    -v, --version VER   install version VER (default: latest)
        --to DIR        install into DIR (default: /usr/local/bin or ~/.local/bin)
    -h, --help          show this help
EOF
}

# uname -s / -m mapped to the release file naming.
get_target() {
    _ostype=$(uname -s)
    _cputype=$(uname -m)

    case "$_ostype" in
        Linux)
            _ostype=unknown-linux-gnu
            # musl-based distributions (Alpine) need the static build.
            if [ -f /etc/alpine-release ] || ldd /bin/sh 2>/dev/null | grep -q musl; then
                _ostype=unknown-linux-musl
            fi
            ;;
        Darwin) _ostype=apple-darwin ;;
        FreeBSD) _ostype=unknown-freebsd ;;
        NetBSD) _ostype=unknown-netbsd ;;
        MINGW* | MSYS* | CYGWIN* | Windows_NT) _ostype=pc-windows-gnu ;;
        *) err "unrecognised OS type: $_ostype" ;;
    esac

    case "$_cputype" in
        x86_64 | x86-64 | x64 | amd64) _cputype=x86_64 ;;
        aarch64 | arm64) _cputype=aarch64 ;;
        armv7l | armv8l) _cputype=armv7 ;;
        i386 | i486 | i686 | i786 | x86) _cputype=i686 ;;
        riscv64) _cputype=riscv64gc ;;
        *) err "unrecognised CPU type: $_cputype" ;;
    esac

    # A 64-bit kernel with a 32-bit userland: trust the userland.
    if [ "$_ostype" = unknown-linux-gnu ] && [ "$_cputype" = x86_64 ]; then
        if [ "$(getconf LONG_BIT 2>/dev/null || echo 64)" = 32 ]; then
            _cputype=i686
        fi
    fi

    echo "${_cputype}-${_ostype}"
}

download() {
    # download URL FILE
    if has curl; then
        curl --proto '=https' --tlsv1.2 --silent --show-error --fail --location "$1" --output "$2"
    elif has wget; then
        wget --https-only --secure-protocol=TLSv1_2 --quiet "$1" -O "$2"
    else
        err "need curl or wget"
    fi
}

latest_version() {
    _tmp_v="$TMP_DIR/latest"
    download "$QUILL_REPO_URL/latest" "$_tmp_v" || err "could not determine the latest version"
    # The file holds one line such as "v0.19.2"; strip the v and whitespace.
    sed -e 's/^v//' -e 's/[[:space:]]*$//' "$_tmp_v"
}

sha256_of() {
    if has sha256sum; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif has shasum; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    elif has openssl; then
        openssl dgst -sha256 "$1" | sed 's/^.*= //'
    else
        echo ""
    fi
}

confirm() {
    [ "$ASSUME_YES" -eq 1 ] && return 0
    # stdin is the script itself when piped from curl; ask the terminal.
    if [ ! -t 0 ] && [ ! -r /dev/tty ]; then
        err "cannot ask for confirmation without a terminal; re-run with -y"
    fi
    printf 'quill-install: %s [y/N] ' "$1"
    read -r _answer </dev/tty || _answer=n
    case "$_answer" in
        [yY] | [yY][eE][sS]) return 0 ;;
        *) return 1 ;;
    esac
}

main() {
    while [ $# -gt 0 ]; do
        case "$1" in
            -y | --yes) ASSUME_YES=1 ;;
            -q | --quiet) QUIET=1 ;;
            -v | --version)
                [ $# -ge 2 ] || err "$1 needs a value"
                QUILL_VERSION=$2
                shift
                ;;
            --to)
                [ $# -ge 2 ] || err "--to needs a directory"
                QUILL_DEST=$2
                shift
                ;;
            --to=*) QUILL_DEST=${1#--to=} ;;
            -h | --help) usage; exit 0 ;;
            *) err "unknown option '$1' (try --help)" ;;
        esac
        shift
    done

    need uname
    need mktemp
    need tar

    TMP_DIR=$(mktemp -d 2>/dev/null || mktemp -d -t quill)
    trap 'rm -rf "$TMP_DIR"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    _target=$(get_target)
    [ -n "$QUILL_VERSION" ] || QUILL_VERSION=$(latest_version)
    QUILL_VERSION=${QUILL_VERSION#v}

    if [ -z "$QUILL_DEST" ]; then
        if [ -w /usr/local/bin ]; then
            QUILL_DEST=/usr/local/bin
        else
            QUILL_DEST="$HOME/.local/bin"
        fi
    fi
    # Expand a leading ~ that came in quoted.
    case "$QUILL_DEST" in
        "~"/*) QUILL_DEST="$HOME/${QUILL_DEST#"~/"}" ;;
    esac

    say "version:  $QUILL_VERSION"
    say "target:   $_target"
    say "dest:     $QUILL_DEST"
    confirm "Install quill $QUILL_VERSION to $QUILL_DEST?" || err "aborted"

    _name="quill-v${QUILL_VERSION}-${_target}"
    _url="$QUILL_REPO_URL/v${QUILL_VERSION}/${_name}.tar.gz"
    say "downloading $_url"
    download "$_url" "$TMP_DIR/$_name.tar.gz" || err "download failed"
    download "$_url.sha256" "$TMP_DIR/$_name.tar.gz.sha256" || err "checksum download failed"

    _want=$(cut -d ' ' -f 1 <"$TMP_DIR/$_name.tar.gz.sha256")
    _got=$(sha256_of "$TMP_DIR/$_name.tar.gz")
    if [ -z "$_got" ]; then
        say "warning: no sha256 tool found, not verifying the download"
    elif [ "$_want" != "$_got" ]; then
        err "checksum mismatch (want $_want, got $_got)"
    fi

    tar -xzf "$TMP_DIR/$_name.tar.gz" -C "$TMP_DIR"
    mkdir -p "$QUILL_DEST"
    _bin=quill
    case "$_target" in *windows*) _bin=quill.exe ;; esac
    if ! cp "$TMP_DIR/$_name/$_bin" "$QUILL_DEST/$_bin" 2>/dev/null; then
        say "$QUILL_DEST is not writable, trying sudo"
        sudo cp "$TMP_DIR/$_name/$_bin" "$QUILL_DEST/$_bin"
    fi
    chmod 755 "$QUILL_DEST/$_bin" 2>/dev/null || sudo chmod 755 "$QUILL_DEST/$_bin"

    case ":$PATH:" in
        *":$QUILL_DEST:"*) ;;
        *) say "note: $QUILL_DEST is not on your PATH; add it to your shell profile" ;;
    esac
    say "installed $("$QUILL_DEST/$_bin" --version 2>/dev/null || echo "quill $QUILL_VERSION")"
}

main "$@"
