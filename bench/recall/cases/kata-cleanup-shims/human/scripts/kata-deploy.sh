#!/usr/bin/env bash
#
# Copyright (c) 2019 Intel Corporation
#
# SPDX-License-Identifier: Apache-2.0
#
# kata-deploy's node script (excerpt), in the style of
# tools/packaging/kata-deploy/scripts/kata-deploy.sh (3.14). The kata-deploy
# DaemonSet runs it with `install`, the kata-cleanup DaemonSet with `reset`.

set -o errexit
set -o pipefail
set -o nounset

crio_drop_in_conf_dir="/etc/crio/crio.conf.d/"
containerd_conf_file="/etc/containerd/config.toml"
containerd_conf_file_backup="${containerd_conf_file}.bak"

# If we fail for any reason a message will be displayed
DEBUG="${DEBUG:-"false"}"
SHIMS="${SHIMS:-"clh cloud-hypervisor dragonball fc qemu qemu-coco-dev qemu-runtime-rs qemu-se-runtime-rs qemu-sev qemu-snp qemu-tdx stratovirt qemu-nvidia-gpu qemu-nvidia-gpu-snp qemu-nvidia-gpu-tdx"}"
DEFAULT_SHIM="${DEFAULT_SHIM:-"qemu"}"
CREATE_RUNTIMECLASSES="${CREATE_RUNTIMECLASSES:-"false"}"
ALLOWED_HYPERVISOR_ANNOTATIONS="${ALLOWED_HYPERVISOR_ANNOTATIONS:-}"

IFS=' ' read -a shims <<< "$SHIMS"
default_shim="$DEFAULT_SHIM"

IFS=' ' read -a non_formatted_allowed_hypervisor_annotations <<< "$ALLOWED_HYPERVISOR_ANNOTATIONS"
allowed_hypervisor_annotations=""
for annotation in "${non_formatted_allowed_hypervisor_annotations[@]}"; do
	allowed_hypervisor_annotations+="\"$annotation\", "
done

SNAPSHOTTER_HANDLER_MAPPING="${SNAPSHOTTER_HANDLER_MAPPING:-}"

die() {
	msg="$*"
	echo "ERROR: $msg" >&2
	exit 1
}

function get_container_runtime() {
	local runtime
	runtime=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
	echo "$runtime" | cut -d: -f1
}

function reset_runtime() {
	kubectl label node "$NODE_NAME" katacontainers.io/kata-runtime-
	if [ "$1" == "crio" ]; then
		echo "reverting ${crio_drop_in_conf_dir}"
	elif [ "$1" == "containerd" ] || [ "$1" == "k3s" ]; then
		echo "restoring ${containerd_conf_file} from ${containerd_conf_file_backup}"
	fi
}

function main() {
	echo "Environment variables passed to this script"
	echo "* NODE_NAME: ${NODE_NAME}"
	echo "* DEBUG: ${DEBUG}"
	echo "* SHIMS: ${SHIMS}"
	echo "* DEFAULT_SHIM: ${DEFAULT_SHIM}"
	echo "* CREATE_RUNTIMECLASSES: ${CREATE_RUNTIMECLASSES}"
	echo "* ALLOWED_HYPERVISOR_ANNOTATIONS: ${ALLOWED_HYPERVISOR_ANNOTATIONS}"
	echo "* SNAPSHOTTER_HANDLER_MAPPING: ${SNAPSHOTTER_HANDLER_MAPPING}"

	runtime=$(get_container_runtime)
	action=${1:-}
	if [ -z "$action" ]; then
		die "invalid arguments"
	fi

	case "$action" in
	install)
		echo "installing ${shims[*]}, default ${default_shim}, annotations [${allowed_hypervisor_annotations}]"
		;;
	cleanup)
		echo "cleaning up"
		;;
	reset)
		reset_runtime $runtime
		;;
	*)
		die "invalid arguments"
		;;
	esac

	#It is assumed this script will be called as a daemonset. As a result, do
	# not return, otherwise the daemon will restart and rexecute the script
	sleep infinity
}

main "$@"
