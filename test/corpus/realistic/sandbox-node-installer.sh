#!/usr/bin/env bash
# Node installer for the "burrow" sandboxed container runtime.
#
# Runs as a privileged DaemonSet pod with the host's / mounted at /host.
# It copies the runtime payload onto the node, registers one containerd
# runtime handler per shim, labels the node, and sleeps until the pod is
# told to clean up (preStop hook runs this script with "cleanup").
#
# Environment (set by the DaemonSet manifest):
#   NODE_NAME               downward API: spec.nodeName
#   SHIMS                   space separated, e.g. "qemu clh fc"
#   DEFAULT_SHIM            which of SHIMS the plain "burrow" handler uses
#   DEBUG                   "true" enables debug logging in every shim
#   CREATE_RUNTIMECLASSES   "true" creates a RuntimeClass per shim
#   INSTALL_PREFIX          where on the host the payload goes
set -o errexit
set -o pipefail
set -o nounset

HOST_ROOT=${HOST_ROOT:-/host}
INSTALL_PREFIX=${INSTALL_PREFIX:-/opt/burrow}
PAYLOAD_DIR=/opt/burrow-artifacts
CONTAINERD_CONF_DIR="${HOST_ROOT}/etc/containerd"
CONTAINERD_CONF="${CONTAINERD_CONF_DIR}/config.toml"
CONTAINERD_DROPIN_DIR="${CONTAINERD_CONF_DIR}/conf.d"
CRIO_DROPIN_DIR="${HOST_ROOT}/etc/crio/crio.conf.d"
NODE_LABEL="burrow.example.io/runtime"

# Word-split the shim list into an array. The here-string keeps IFS local to
# the read and avoids a subshell.
IFS=' ' read -a shims <<< "$SHIMS"
default_shim=$DEFAULT_SHIM
debug=${DEBUG:-false}
create_runtimeclasses=${CREATE_RUNTIMECLASSES:-false}

declare -A shim_hypervisor=(
    [qemu]=qemu-system-x86_64
    [qemu-tdx]=qemu-system-x86_64-tdx
    [qemu-snp]=qemu-system-x86_64-snp
    [clh]=cloud-hypervisor
    [fc]=firecracker
    [dragonball]=builtin
)

die() {
    echo "ERROR: $*" >&2
    exit 1
}

info() {
    echo "[$(date -u +%FT%TZ)] ${NODE_NAME}: $*"
}

debug_log() {
    [[ $debug == true ]] && echo "DEBUG: $*" >&2
    return 0
}

host_systemctl() {
    nsenter --target 1 --mount -- systemctl "$@"
}

get_container_runtime() {
    local runtime
    runtime=$(kubectl get node "$NODE_NAME" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
    [[ -n $runtime ]] || die "could not determine the container runtime of ${NODE_NAME}"
    case $runtime in
        containerd://*)
            # k3s and rke2 ship their own containerd with a different config path.
            if host_systemctl is-active --quiet k3s-agent || host_systemctl is-active --quiet k3s; then
                echo k3s
            elif host_systemctl is-active --quiet rke2-agent || host_systemctl is-active --quiet rke2-server; then
                echo rke2
            else
                echo containerd
            fi
            ;;
        cri-o://*) echo crio ;;
        *) die "unsupported container runtime '${runtime%%:*}'" ;;
    esac
}

validate_env() {
    (( ${#shims[@]} > 0 )) || die "SHIMS is empty"
    local s found=false
    for s in "${shims[@]}"; do
        [[ -v shim_hypervisor[$s] ]] || die "unknown shim '$s' (known: ${!shim_hypervisor[*]})"
        [[ $s == "$default_shim" ]] && found=true
    done
    [[ $found == true ]] || die "DEFAULT_SHIM '$default_shim' is not one of: ${shims[*]}"
    debug_log "shims=${shims[*]} default=${default_shim} count=${#shims[@]}"
}

install_artifacts() {
    local dest="${HOST_ROOT}${INSTALL_PREFIX}"
    info "copying payload to ${INSTALL_PREFIX}"
    mkdir -p "$dest"
    cp -a "${PAYLOAD_DIR}/." "$dest/"
    chmod +x "$dest"/bin/*

    local shim config
    for shim in "${shims[@]}"; do
        config="$dest/share/defaults/configuration-${shim}.toml"
        [[ -f $config ]] || die "payload has no configuration for ${shim}"
        if [[ $debug == true ]]; then
            sed -i -e 's/^#\(enable_debug\).*=.*$/\1 = true/g' \
                -e 's/^kernel_params = "\(.*\)"/kernel_params = "\1 agent.log=debug"/' "$config"
        fi
        # A wrapper so that containerd finds one binary per handler.
        cat >"$dest/bin/containerd-shim-burrow-${shim}-v2" <<EOF
#!/usr/bin/env bash
BURROW_CONF_FILE=${INSTALL_PREFIX}/share/defaults/configuration-${shim}.toml exec ${INSTALL_PREFIX}/bin/containerd-shim-burrow-v2 "\$@"
EOF
        chmod +x "$dest/bin/containerd-shim-burrow-${shim}-v2"
        ln -sf "${INSTALL_PREFIX}/bin/containerd-shim-burrow-${shim}-v2" \
            "${HOST_ROOT}/usr/local/bin/containerd-shim-burrow-${shim}-v2"
    done
}

configure_containerd_runtime() {
    local shim=$1 handler=$2 dropin
    dropin="${CONTAINERD_DROPIN_DIR}/burrow-${handler}.toml"
    local runtime_type="io.containerd.burrow-${shim}.v2"
    local pod_annotations='["io.burrow.*"]'
    debug_log "writing ${dropin#"$HOST_ROOT"}"
    cat >"$dropin" <<EOF
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes."${handler}"]
  runtime_type = "${runtime_type}"
  privileged_without_host_devices = true
  pod_annotations = ${pod_annotations}
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes."${handler}".options]
  ConfigPath = "${INSTALL_PREFIX}/share/defaults/configuration-${shim}.toml"
EOF
}

configure_containerd() {
    local flavour=$1
    case $flavour in
        k3s | rke2)
            CONTAINERD_CONF="${HOST_ROOT}/var/lib/rancher/${flavour}/agent/etc/containerd/config.toml.tmpl"
            if [[ ! -f $CONTAINERD_CONF ]]; then
                cp "${CONTAINERD_CONF%.tmpl}" "$CONTAINERD_CONF"
            fi
            CONTAINERD_DROPIN_DIR="${CONTAINERD_CONF%/*}/conf.d"
            ;;
    esac
    mkdir -p "$CONTAINERD_DROPIN_DIR"
    [[ -f $CONTAINERD_CONF ]] || touch "$CONTAINERD_CONF"
    cp -n "$CONTAINERD_CONF" "${CONTAINERD_CONF}.burrow-backup" || true

    # containerd 2.x uses version 3 config; imports work the same way.
    local import_line="imports = [\"${CONTAINERD_DROPIN_DIR#"$HOST_ROOT"}/*.toml\"]"
    if ! grep -qF "$import_line" "$CONTAINERD_CONF"; then
        sed -i "1i ${import_line//\//\\/}" "$CONTAINERD_CONF"
    fi

    local shim
    for shim in "${shims[@]}"; do
        configure_containerd_runtime "$shim" "burrow-${shim}"
    done
    configure_containerd_runtime "$default_shim" burrow
}

configure_crio() {
    mkdir -p "$CRIO_DROPIN_DIR"
    local shim
    for shim in "${shims[@]}"; do
        cat >"${CRIO_DROPIN_DIR}/99-burrow-${shim}.conf" <<EOF
[crio.runtime.runtimes.burrow-${shim}]
  runtime_path = "${INSTALL_PREFIX}/bin/containerd-shim-burrow-${shim}-v2"
  runtime_type = "vm"
  runtime_root = "/run/vc"
  privileged_without_host_devices = true
EOF
    done
}

restart_runtime() {
    local flavour=$1 unit
    case $flavour in
        containerd) unit=containerd ;;
        crio) unit=crio ;;
        k3s) unit=$(host_systemctl is-active --quiet k3s && echo k3s || echo k3s-agent) ;;
        rke2) unit=$(host_systemctl is-active --quiet rke2-server && echo rke2-server || echo rke2-agent) ;;
    esac
    info "restarting ${unit}"
    host_systemctl daemon-reload
    host_systemctl restart "$unit"
    local i
    for ((i = 0; i < 30; i++)); do
        host_systemctl is-active --quiet "$unit" && return 0
        sleep 2
    done
    die "${unit} did not come back after restart"
}

create_runtimeclasses() {
    [[ $create_runtimeclasses == true ]] || return 0
    local shim overhead
    for shim in "${shims[@]}"; do
        overhead=$([[ $shim == fc ]] && echo 130Mi || echo 160Mi)
        kubectl apply -f - <<EOF
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: burrow-${shim}
handler: burrow-${shim}
overhead:
  podFixed:
    memory: "${overhead}"
    cpu: "250m"
scheduling:
  nodeSelector:
    ${NODE_LABEL}: "true"
EOF
    done
}

cleanup() {
    local flavour=$1 shim
    info "removing burrow from the node"
    kubectl label node "$NODE_NAME" "${NODE_LABEL}-"  || true
    for shim in "${shims[@]}"; do
        rm -f "${CONTAINERD_DROPIN_DIR}/burrow-burrow-${shim}.toml" \
            "${CRIO_DROPIN_DIR}/99-burrow-${shim}.conf" \
            "${HOST_ROOT}/usr/local/bin/containerd-shim-burrow-${shim}-v2"
    done
    rm -f "${CONTAINERD_DROPIN_DIR}/burrow-burrow.toml"
    rm -rf "${HOST_ROOT}${INSTALL_PREFIX}/"
    restart_runtime "$flavour"
}

main() {
    local action=${1:-}
    [[ -n $action ]] || die "usage: $0 install|cleanup|reset"
    # Without NODE_NAME nothing below can work; fail loudly right away.
    info "action=${action} shims=${SHIMS} default=${DEFAULT_SHIM}"
    validate_env

    local flavour
    flavour=$(get_container_runtime)
    debug_log "container runtime flavour: ${flavour}"

    case $action in
        install)
            install_artifacts
            if [[ $flavour == crio ]]; then configure_crio; else configure_containerd "$flavour"; fi
            restart_runtime "$flavour"
            create_runtimeclasses
            kubectl label node "$NODE_NAME" --overwrite "${NODE_LABEL}=true"
            ;;
        cleanup)
            cleanup "$flavour"
            ;;
        reset)
            # Used by the cleanup Job after the DaemonSet is gone.
            kubectl label node "$NODE_NAME" "${NODE_LABEL}-" || true
            restart_runtime "$flavour"
            ;;
        *)
            die "unknown action '${action}'"
            ;;
    esac

    # Keep the DaemonSet pod alive; the preStop hook does the cleanup.
    info "done; sleeping"
    sleep infinity
}

main "$@"
