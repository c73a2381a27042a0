#!/usr/bin/env bash
#
# Copyright (c) 2019 Intel Corporation
#
# SPDX-License-Identifier: Apache-2.0
#
# Installs Kata Containers on a node, in the style of
# tools/packaging/kata-deploy/scripts/kata-deploy.sh (3.5.0).

set -o errexit
set -o pipefail
set -o nounset

crio_drop_in_conf_dir="/etc/crio/crio.conf.d/"
containerd_conf_file="/etc/containerd/config.toml"

IFS=' ' read -a shims <<< "$SHIMS"
default_shim="$DEFAULT_SHIM"

die() {
	msg="$*"
	echo "ERROR: $msg" >&2
	exit 1
}

function tdx_not_supported() {
	distro=${1}
	version=${2}

	cat <<-EOF
	------------------------------------------------------------------------
	${distro} ${version} is not tested with TDX; use Ubuntu 24.04 or CentOS
	Stream 9, or configure the host yourself.
	------------------------------------------------------------------------
	EOF
}

function tdx_supported() {
	distro=${1}
	version=${2}
	config=${3}

	sed -i -e "s|/opt/kata/bin/qemu-system-x86_64|/usr/bin/qemu-system-x86_64|g" "${config}"
	echo "Configured ${config} for ${distro} ${version}"
}

function install_artifacts() {
	echo "copying kata artifacts onto host"
	cp -au /opt/kata-artifacts/opt/kata/* /opt/kata/
	chmod +x /opt/kata/bin/*

	for shim in "${shims[@]}"; do
		local kata_config_file="/opt/kata/share/defaults/kata-containers/configuration-${shim}.toml"
		if echo "${shim}" | grep -q "tdx"; then
			source /host/etc/os-release || source /host/usr/lib/os-release
			case ${ID} in
				ubuntu)
					case ${VERSION_ID} in
						24.04) tdx_supported ${ID} ${VERSION_ID} ${kata_config_file} ;;
						*) tdx_not_supported ${ID} ${VERSION_ID} ;;
					esac
					;;
				centos)
					case ${VERSION_ID} in
						9) tdx_supported ${ID} ${VERSION_ID} ${kata_config_file} ;;
						*) tdx_not_supported ${ID} ${VERSION_ID} ;;
					esac
					;;
				*)
					tdx_not_supported ${ID} ${VERSION_ID}
					;;
			esac
		fi
	done
}

function main() {
	action=${1:-}
	if [ -z "$action" ]; then
		die "invalid arguments"
	fi

	echo "Action: ${action}, shims: ${shims[*]}, default shim: ${default_shim}"
	case "$action" in
	install)
		install_artifacts
		;;
	cleanup)
		echo "cleaning up ${containerd_conf_file} and ${crio_drop_in_conf_dir}"
		;;
	*)
		die "invalid arguments"
		;;
	esac
}

main "$@"
