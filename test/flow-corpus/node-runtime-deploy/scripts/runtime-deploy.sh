#!/usr/bin/env bash
#
# Installs the sandboxed container runtime on a node. Runs in a privileged DaemonSet pod
# with the host's / mounted at /host. The manifest sets NODE_NAME from the downward API;
# SHIMS, DEFAULT_SHIM, DEBUG and the rest come from the DaemonSet's env (if set at all).
#
#   runtime-deploy.sh install|cleanup|reset

set -o errexit
set -o pipefail
set -o nounset

crio_drop_in_conf_dir="/etc/crio/crio.conf.d/"
crio_drop_in_conf_file="${crio_drop_in_conf_dir}/99-sandbox-runtime"
containerd_conf_file="/etc/containerd/config.toml"
containerd_conf_file_backup="${containerd_conf_file}.bak"

IFS=' ' read -a shims <<< "$SHIMS"
default_shim="$DEFAULT_SHIM"

dest_dir="/opt/sandbox"
host_install_dir="/host${dest_dir}"

if [ "$DEBUG" = "true" ]; then
	set -x
fi

die() {
	msg="$*"
	echo "ERROR: $msg" >&2
	exit 1
}

warn() {
	echo "WARN: $*" >&2
}

info() {
	echo "INFO: $*"
}

get_container_runtime() {
	local runtime
	runtime=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
	if [ "$?" -ne 0 ]; then
		die "invalid node name"
	fi
	if echo "$runtime" | grep -qE 'containerd.*-k3s'; then
		if host_systemctl is-active --quiet rke2-agent; then
			echo "rke2-agent"
		else
			echo "k3s"
		fi
	else
		echo "$runtime" | awk -F '[:]' '{print $1}'
	fi
}

host_systemctl() {
	nsenter --target 1 --mount systemctl "$@"
}

install_artifacts() {
	info "copying artifacts onto host"
	mkdir -p "$host_install_dir"
	cp -au /opt/sandbox-artifacts/opt/sandbox/* "$host_install_dir/"
	chmod +x "$host_install_dir"/bin/*

	local config_path
	for shim in "${shims[@]}"; do
		config_path="$host_install_dir/share/defaults/configuration-${shim}.toml"
		if [ -n "$ALLOWED_HYPERVISOR_ANNOTATIONS" ]; then
			sed -i -e "s/^enable_annotations = \[\(.*\)\]/enable_annotations = [\1, \"$ALLOWED_HYPERVISOR_ANNOTATIONS\"]/" "$config_path"
		fi
	done
}

configure_containerd_runtime() {
	local shim="$1"
	local runtime="sandbox-${shim}"
	local configuration="configuration-${shim}"
	local pluginid=cri
	if grep -q "version = 2\>" "$containerd_conf_file"; then
		pluginid=\"io.containerd.grpc.v1.cri\"
	fi
	local runtime_table="plugins.${pluginid}.containerd.runtimes.$runtime"
	local runtime_type="io.containerd.${runtime}.v2"
	local options_table="$runtime_table.options"
	local config_path="${dest_dir}/share/defaults/${configuration}.toml"

	if grep -q "\[$runtime_table\]" "$containerd_conf_file"; then
		info "configuration exists for $runtime_table, overwriting"
		sed -i "/\[$runtime_table\]/,+1s#runtime_type.*#runtime_type = \"${runtime_type}\"#" "$containerd_conf_file"
	else
		cat <<TOML | tee -a "$containerd_conf_file"
[$runtime_table]
  runtime_type = "${runtime_type}"
  privileged_without_host_devices = true
  pod_annotations = ["io.sandbox.*"]
[$options_table]
  ConfigPath = "${config_path}"
TOML
	fi
	if [ "$shim" = "$default_shim" ]; then
		info "setting $runtime as the default runtime"
		sed -i "s/default_runtime_name = .*/default_runtime_name = \"$runtime\"/" "$containerd_conf_file"
	fi
}

configure_containerd() {
	mkdir -p /etc/containerd/
	if [ -f "$containerd_conf_file" ]; then
		cp -n "$containerd_conf_file" "$containerd_conf_file_backup"
	fi
	for shim in "${shims[@]}"; do
		configure_containerd_runtime "$shim"
	done
}

configure_crio() {
	mkdir -p "$crio_drop_in_conf_dir"
	for shim in "${shims[@]}"; do
		cat <<TOML | tee -a "$crio_drop_in_conf_file"
[crio.runtime.runtimes.sandbox-${shim}]
  runtime_path = "${dest_dir}/bin/containerd-shim-sandbox-v2"
  runtime_type = "vm"
TOML
	done
}

cleanup_cri_runtime() {
	case $1 in
		crio)
			rm -f "$crio_drop_in_conf_file"
			;;
		containerd | k3s | rke2-agent)
			if [ -f "$containerd_conf_file_backup" ]; then
				mv "$containerd_conf_file_backup" "$containerd_conf_file"
			fi
			;;
	esac
}

restart_runtime() {
	case $1 in
		crio) host_systemctl restart crio ;;
		k3s | rke2-agent) host_systemctl restart "$1" ;;
		*) host_systemctl restart containerd ;;
	esac
}

label_node() {
	kubectl label node "$NODE_NAME" "$1" --overwrite
}

main() {
	runtime=$(get_container_runtime)
	info "container runtime: $runtime"

	if [ "$runtime" = "cri-o" ]; then
		runtime="crio"
	fi

	case "$1" in
		install)
			install_artifacts
			if [ "$runtime" = crio ]; then
				configure_crio
			else
				configure_containerd
			fi
			restart_runtime "$runtime"
			if [ "$CREATE_RUNTIMECLASSES" = "true" ]; then
				kubectl apply -f /opt/sandbox-artifacts/runtimeclasses/
			fi
			label_node "sandbox-runtime=true"
			;;
		cleanup)
			cleanup_cri_runtime "$runtime"
			label_node "sandbox-runtime=cleanup"
			rm -rf "$host_install_dir"
			restart_runtime "$runtime"
			;;
		reset)
			label_node "sandbox-runtime-"
			;;
		*)
			echo "usage: $0 install|cleanup|reset" >&2
			exit 1
			;;
	esac

	# DaemonSet pods must not exit
	sleep infinity
}

main "$@"
