#!/usr/bin/env bash
#
# kata-deploy.sh -- demo script bundled with nounset.
#
# Written for this project in the style of the node installer that the
# Kata Containers DaemonSet runs: it copies the runtime onto the node,
# registers one containerd runtime handler per shim and labels the node.
# Everything comes from the DaemonSet's environment, and none of it has a
# default, so under `set -o nounset` an unset SHIMS stops the script with
#
#   kata-deploy.sh: line 21: SHIMS: unbound variable
#
# Try: nounset --dry-run examples/kata-deploy.sh

set -o errexit -o pipefail -o nounset

containerd_conf_file="/etc/containerd/config.toml"
containerd_conf_file_backup="${containerd_conf_file}.bak"
dest_dir="/opt/kata"

IFS=' ' read -a shims <<< "$SHIMS"
default_shim="$DEFAULT_SHIM"
IFS=',' read -a hypervisor_annotations <<< "$ALLOWED_HYPERVISOR_ANNOTATIONS"
IFS=',' read -a snapshotter_handler_mapping <<< "$SNAPSHOTTER_HANDLER_MAPPING"

die() {
	echo "ERROR: $*" >&2
	exit 1
}

info() {
	echo "INFO: $*"
}

function host_systemctl() {
	nsenter --target 1 --mount systemctl "$@"
}

function print_usage() {
	echo "Usage: $0 [install|cleanup|reset]"
}

function get_container_runtime() {
	local runtime
	runtime=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
	if [ "$?" -ne 0 ]; then
		die "\$NODE_NAME does not exist or kubectl failed"
	fi
	echo "$runtime" | awk -F '[:]' '{print $1}'
}

function install_artifacts() {
	info "copying kata artifacts onto the host"
	mkdir -p "$dest_dir"
	cp -au /opt/kata-artifacts/opt/kata/* "$dest_dir/"
	chmod +x "$dest_dir"/bin/*

	for shim in "${shims[@]}"; do
		local config_path="$dest_dir/share/defaults/kata-containers/configuration-${shim}.toml"
		if [ "$DEBUG" == "true" ]; then
			sed -i -e 's/^#\(enable_debug\).*=.*$/\1 = true/g' "$config_path"
		fi
		if [ "${#hypervisor_annotations[@]}" -gt 0 ]; then
			local annotations="${hypervisor_annotations[*]}"
			sed -i -e "s/^enable_annotations = \[\(.*\)\]/enable_annotations = [\1, \"${annotations// /\", \"}\"]/" "$config_path"
		fi
	done
}

function configure_containerd_runtime() {
	local shim="$1"
	local runtime="kata-${shim}"
	local snapshotter=""

	for m in "${snapshotter_handler_mapping[@]}"; do
		if [ "${m%%:*}" == "$shim" ]; then
			snapshotter="${m#*:}"
		fi
	done

	cat <<EOF | tee -a "$containerd_conf_file"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes."${runtime}"]
  runtime_type = "io.containerd.kata-${shim}.v2"
  privileged_without_host_devices = true
  pod_annotations = ["io.katacontainers.*"]
  snapshotter = "${snapshotter}"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes."${runtime}".options]
  ConfigPath = "${dest_dir}/share/defaults/kata-containers/configuration-${shim}.toml"
EOF
}

function configure_containerd() {
	mkdir -p /etc/containerd/
	if [ -f "$containerd_conf_file" ]; then
		cp -n "$containerd_conf_file" "$containerd_conf_file_backup"
	fi
	for shim in "${shims[@]}"; do
		configure_containerd_runtime "$shim"
	done
}

function create_runtimeclasses() {
	info "creating the runtime classes"
	for shim in "${shims[@]}"; do
		kubectl apply -f "$dest_dir/runtimeclasses/kata-${shim}.yaml"
	done
	if [ "$CREATE_DEFAULT_RUNTIMECLASS" == "true" ]; then
		kubectl apply -f "$dest_dir/runtimeclasses/kata-${default_shim}.yaml"
	fi
}

function cleanup_kata_deploy() {
	if [ -f "$containerd_conf_file_backup" ]; then
		mv "$containerd_conf_file_backup" "$containerd_conf_file"
	fi
	rm -rf "$dest_dir/"
	if [ "$CREATE_RUNTIMECLASSES" == "true" ]; then
		kubectl delete runtimeclass --ignore-not-found "${shims[@]/#/kata-}"
	fi
	kubectl label node "$NODE_NAME" katacontainers.io/kata-runtime-
}

function main() {
	local action="${1:-}"
	if [ -z "$action" ]; then
		print_usage
		die "no action given"
	fi
	info "node $NODE_NAME: $action (shims: ${shims[*]}, default: $default_shim)"

	runtime=$(get_container_runtime)
	if [ "$runtime" != "containerd" ] && [ "$runtime" != "cri-o" ]; then
		die "unsupported container runtime: $runtime"
	fi

	case "$action" in
	install)
		install_artifacts
		configure_containerd
		host_systemctl restart containerd
		if [ "$CREATE_RUNTIMECLASSES" == "true" ]; then
			create_runtimeclasses
		fi
		kubectl label node "$NODE_NAME" --overwrite katacontainers.io/kata-runtime=true
		;;
	cleanup)
		cleanup_kata_deploy
		host_systemctl restart containerd
		;;
	reset)
		host_systemctl restart containerd
		;;
	*)
		print_usage
		die "invalid action: $action"
		;;
	esac

	# Keep the DaemonSet pod running; the preStop hook calls "cleanup".
	sleep infinity
}

main "$@"
