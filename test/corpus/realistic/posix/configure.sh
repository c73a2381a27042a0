#!/bin/sh
# configure -- hand-written configure script for libtinyhttp.
#
# Not autoconf: a few feature checks and a generated config.mk/config.h.
# Must stay POSIX sh so that it works on BSDs, Solaris and busybox.
#
#   ./configure [--prefix=DIR] [--with-tls=openssl|mbedtls|none] [--enable-debug]
#               [--disable-shared] [CC=cc] [CFLAGS=...] [LDFLAGS=...]

prefix=/usr/local
exec_prefix=''
libdir=''
includedir=''
with_tls=auto
enable_debug=no
enable_shared=yes
CC=${CC:-}
CFLAGS=${CFLAGS:--O2}
LDFLAGS=${LDFLAGS:-}

# Everything configure prints also goes to config.log, with the commands.
exec 5>config.log
{
    echo "This file contains any messages produced while running configure."
    echo
    echo "  \$ $0 $*"
    echo
} >&5

msg() { printf '%s\n' "$*"; printf '%s\n' "$*" >&5; }
die() { msg "configure: error: $*"; exit 1; }

usage() {
    cat <<\EOF
Usage: ./configure [OPTION]... [VAR=VALUE]...

  --prefix=PREFIX        install files in PREFIX [/usr/local]
  --exec-prefix=EPREFIX  install binaries in EPREFIX [PREFIX]
  --libdir=DIR           libraries [EPREFIX/lib]
  --includedir=DIR       headers [PREFIX/include]
  --with-tls=LIB         openssl, mbedtls or none [auto]
  --enable-debug         build with -g -O0 and assertions
  --disable-shared       only build the static library

Variables: CC CFLAGS LDFLAGS
EOF
}

for arg do
    case "$arg" in
        --prefix=*) prefix=${arg#*=} ;;
        --exec-prefix=*) exec_prefix=${arg#*=} ;;
        --libdir=*) libdir=${arg#*=} ;;
        --includedir=*) includedir=${arg#*=} ;;
        --with-tls=*) with_tls=${arg#*=} ;;
        --without-tls) with_tls=none ;;
        --enable-debug) enable_debug=yes ;;
        --disable-debug) enable_debug=no ;;
        --enable-shared) enable_shared=yes ;;
        --disable-shared) enable_shared=no ;;
        --help | -h) usage; exit 0 ;;
        CC=*) CC=${arg#*=} ;;
        CFLAGS=*) CFLAGS=${arg#*=} ;;
        LDFLAGS=*) LDFLAGS=${arg#*=} ;;
        --*) msg "configure: warning: unknown option $arg (ignored)" ;;
        *) die "unexpected argument: $arg" ;;
    esac
done

: "${exec_prefix:=$prefix}"
: "${libdir:=$exec_prefix/lib}"
: "${includedir:=$prefix/include}"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/configure.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmpdir"' 0
trap 'exit 1' 1 2 13 15

# --- compiler -----------------------------------------------------------------
printf 'checking for a C compiler... '
if [ -z "$CC" ]; then
    for c in cc gcc clang c99; do
        if command -v "$c" >/dev/null 2>&1; then
            CC=$c
            break
        fi
    done
fi
[ -n "$CC" ] || die "no C compiler found; set CC"
msg "$CC"

# try_compile DESCRIPTION EXTRA_FLAGS < source
try_compile() {
    cat >"$tmpdir/conftest.c"
    echo "--- $1: $CC $CFLAGS $2 conftest.c" >&5
    cat "$tmpdir/conftest.c" >&5
    $CC $CFLAGS $2 -o "$tmpdir/conftest" "$tmpdir/conftest.c" $LDFLAGS $3 >&5 2>&1
}

printf 'checking whether %s works... ' "$CC"
if try_compile "sanity" "" <<EOF
int main(void) { return 0; }
EOF
then
    msg yes
else
    msg no
    die "$CC cannot compile a trivial program; see config.log"
fi

# check_flag FLAG: add FLAG to CFLAGS when the compiler accepts it.
check_flag() {
    printf 'checking whether %s accepts %s... ' "$CC" "$1"
    if try_compile "flag $1" "$1 -Werror" <<EOF
int main(void) { return 0; }
EOF
    then
        CFLAGS="$CFLAGS $1"
        msg yes
    else
        msg no
    fi
}

for flag in -std=c11 -Wall -Wextra -Wshadow -fvisibility=hidden -fstack-protector-strong; do
    check_flag "$flag"
done

# --- functions and headers ------------------------------------------------
have_accept4=0
printf 'checking for accept4... '
if try_compile "accept4" "-D_GNU_SOURCE" <<'EOF'
#include <sys/socket.h>
int main(void) { return accept4(0, 0, 0, SOCK_CLOEXEC); }
EOF
then have_accept4=1; msg yes; else msg no; fi

have_epoll=0 have_kqueue=0
printf 'checking for an event API... '
if try_compile "epoll" "" <<'EOF'
#include <sys/epoll.h>
int main(void) { return epoll_create1(0) < 0; }
EOF
then
    have_epoll=1
    msg epoll
elif try_compile "kqueue" "" <<'EOF'
#include <sys/types.h>
#include <sys/event.h>
int main(void) { return kqueue() < 0; }
EOF
then
    have_kqueue=1
    msg kqueue
else
    msg poll
fi

# --- TLS -------------------------------------------------------------------------
tls_libs=''
tls_define=TH_TLS_NONE
check_openssl() {
    try_compile "openssl" "" "-lssl -lcrypto" <<'EOF'
#include <openssl/ssl.h>
int main(void) { return OPENSSL_init_ssl(0, NULL) != 1; }
EOF
}
check_mbedtls() {
    try_compile "mbedtls" "" "-lmbedtls -lmbedx509 -lmbedcrypto" <<'EOF'
#include <mbedtls/ssl.h>
int main(void) { mbedtls_ssl_context c; mbedtls_ssl_init(&c); return 0; }
EOF
}

printf 'checking for a TLS library... '
case "$with_tls" in
    auto)
        if check_openssl; then with_tls=openssl
        elif check_mbedtls; then with_tls=mbedtls
        else with_tls=none
        fi
        ;;
    openssl) check_openssl || die "--with-tls=openssl but OpenSSL was not found" ;;
    mbedtls) check_mbedtls || die "--with-tls=mbedtls but mbed TLS was not found" ;;
    none) ;;
    *) die "unknown --with-tls value '$with_tls'" ;;
esac
case "$with_tls" in
    openssl) tls_libs='-lssl -lcrypto'; tls_define=TH_TLS_OPENSSL ;;
    mbedtls) tls_libs='-lmbedtls -lmbedx509 -lmbedcrypto'; tls_define=TH_TLS_MBEDTLS ;;
esac
msg "$with_tls"

if [ "$enable_debug" = yes ]; then
    CFLAGS="$CFLAGS -g -O0 -DTH_DEBUG=1"
else
    CFLAGS="$CFLAGS -DNDEBUG"
fi

# --- outputs -----------------------------------------------------------------
msg "creating config.h"
cat >config.h <<EOF
/* Generated by configure on $(date). Do not edit. */
#ifndef TH_CONFIG_H
#define TH_CONFIG_H
#define TH_HAVE_ACCEPT4 $have_accept4
#define TH_HAVE_EPOLL $have_epoll
#define TH_HAVE_KQUEUE $have_kqueue
#define TH_TLS $tls_define
#define TH_PREFIX "$prefix"
#endif
EOF

msg "creating config.mk"
cat >config.mk <<EOF
# Generated by configure. Re-run ./configure to change.
PREFIX = $prefix
EXEC_PREFIX = $exec_prefix
LIBDIR = $libdir
INCLUDEDIR = $includedir
CC = $CC
CFLAGS = $CFLAGS
LDFLAGS = $LDFLAGS
LIBS = $tls_libs
ENABLE_SHARED = $enable_shared
EOF

msg ""
msg "libtinyhttp configured:"
msg "  prefix:  $prefix"
msg "  tls:     $with_tls"
msg "  shared:  $enable_shared"
msg "  debug:   $enable_debug"
msg "Now run 'make'."
