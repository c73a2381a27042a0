#!/usr/bin/env bash
# node-bootstrap.sh -- turn a freshly installed Debian/Ubuntu/RHEL-family VM
# into a Kubernetes node and join it to the cluster.
#
# Run as root by the provisioning system with the join parameters in the
# environment:
#
#   K8S_VERSION=1.30 NODE_ROLE=worker API_ENDPOINT=10.0.0.10:6443 \
#   JOIN_TOKEN=abcdef.0123456789abcdef CA_CERT_HASH=sha256:... ./node-bootstrap.sh
#
# NODE_ROLE: worker | control-plane (the latter also needs CERTIFICATE_KEY)
# Optional: NODE_LABELS="zone=a,disk=ssd"  NODE_TAINTS="dedicated=gpu:NoSchedule"
#           CONTAINERD_REGISTRY_MIRROR=https://mirror.internal:5000
#           POD_CIDR (only checked for overlap with the host networks)
set -Eeuo pipefail
shopt -s nullglob

: "${K8S_VERSION:=1.30}"
: "${NODE_ROLE:=worker}"
: "${API_ENDPOINT:?API_ENDPOINT (host:port of the API server) is required}"
: "${JOIN_TOKEN:?JOIN_TOKEN is required}"
: "${CA_CERT_HASH:?CA_CERT_HASH is required}"
: "${NODE_LABELS:=}"
: "${NODE_TAINTS:=}"
: "${CONTAINERD_REGISTRY_MIRROR:=}"
: "${POD_CIDR:=10.244.0.0/16}"
: "${DRY_RUN:=0}"

readonly LOG=/var/log/node-bootstrap.log
readonly STATE_DIR=/var/lib/node-bootstrap
declare -A step_done=()

exec 3>&1
exec &> >(tee -a "$LOG")

log() { printf '%(%H:%M:%S)T %s\n' -1 "$*"; }
die() { log "FATAL: $*"; exit 1; }

on_error() {
    local rc=$? line=$1
    log "failed at line ${line} (exit ${rc}): ${BASH_COMMAND}"
    log "full log: ${LOG}"
}
trap 'on_error $LINENO' ERR

run() {
    if (( DRY_RUN )); then
        log "dry-run: $*"
        return 0
    fi
    "$@"
}

# Steps are idempotent and recorded, so a re-run after a failure resumes.
step() {
    local name=$1
    shift
    if [[ -e $STATE_DIR/$name.done ]]; then
        log "step ${name}: already done"
        return 0
    fi
    log "step ${name}: start"
    "$@"
    mkdir -p "$STATE_DIR"
    date -u +%FT%TZ >"$STATE_DIR/$name.done"
    step_done[$name]=1
    log "step ${name}: ok"
}

detect_os() {
    # shellcheck disable=SC1091
    . /etc/os-release
    case "${ID}:${VERSION_ID%%.*}" in
        (debian:1[12] | ubuntu:2[24]) OS_FAMILY=debian ;;
        (rhel:[89] | rocky:[89] | almalinux:[89] | centos:9) OS_FAMILY=rhel ;;
        (*) die "unsupported OS ${PRETTY_NAME:-$ID $VERSION_ID}" ;;
    esac
    ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
    ARCH=${ARCH/x86_64/amd64}
    ARCH=${ARCH/%aarch64/arm64}
    log "OS family ${OS_FAMILY}, arch ${ARCH}"
}

preflight() {
    local mem_kb cpus
    mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
    cpus=$(nproc)
    (( mem_kb >= 1800000 )) || die "at least 2 GiB of memory needed (have $((mem_kb / 1024)) MiB)"
    if [[ $NODE_ROLE == control-plane ]] && (( cpus < 2 )); then
        die "control-plane nodes need 2 CPUs"
    fi
    # The pod network must not overlap with an address on this host.
    local net=${POD_CIDR%/*} first_octets
    first_octets=${net%.*.*}
    if ip -4 -o addr show | awk '{print $4}' | grep -q "^${first_octets//./\\.}\."; then
        log "WARNING: a host address is inside ${POD_CIDR}; pods may be unreachable"
    fi
    [[ $NODE_ROLE == @(worker|control-plane) ]] || die "NODE_ROLE must be worker or control-plane"
    if [[ $NODE_ROLE == control-plane ]]; then
        : "${CERTIFICATE_KEY:?CERTIFICATE_KEY is required to join a control-plane node}"
    fi
}

kernel_setup() {
    run swapoff -a
    run sed -ri '/\sswap\s/s/^#?/#/' /etc/fstab
    cat >/etc/modules-load.d/k8s.conf <<\EOF
overlay
br_netfilter
EOF
    run modprobe overlay
    run modprobe br_netfilter
    cat >/etc/sysctl.d/99-kubernetes.conf <<EOF
net.bridge.bridge-nf-call-iptables  = 1
net.bridge.bridge-nf-call-ip6tables = 1
net.ipv4.ip_forward                 = 1
# Raised for nodes running many pods with file watchers.
fs.inotify.max_user_instances       = 8192
fs.inotify.max_user_watches         = 524288
EOF
    run sysctl --system >/dev/null
}

install_packages() {
    local minor=${K8S_VERSION#*.}
    minor=${minor%%.*}
    case $OS_FAMILY in
        debian)
            export DEBIAN_FRONTEND=noninteractive
            run apt-get update -qq
            run apt-get install -y -qq apt-transport-https ca-certificates curl gpg containerd
            install -d -m 0755 /etc/apt/keyrings
            curl -fsSL "https://pkgs.k8s.io/core:/stable:/v${K8S_VERSION}/deb/Release.key" |
                gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes.gpg
            echo "deb [signed-by=/etc/apt/keyrings/kubernetes.gpg] https://pkgs.k8s.io/core:/stable:/v${K8S_VERSION}/deb/ /" \
                >| /etc/apt/sources.list.d/kubernetes.list
            run apt-get update -qq
            run apt-get install -y -qq kubelet kubeadm kubectl
            run apt-mark hold kubelet kubeadm kubectl
            ;;
        rhel)
            cat >/etc/yum.repos.d/kubernetes.repo <<EOF
[kubernetes]
name=Kubernetes v${K8S_VERSION}
baseurl=https://pkgs.k8s.io/core:/stable:/v${K8S_VERSION}/rpm/
enabled=1
gpgcheck=1
gpgkey=https://pkgs.k8s.io/core:/stable:/v${K8S_VERSION}/rpm/repodata/repomd.xml.key
exclude=kubelet kubeadm kubectl cri-tools kubernetes-cni
EOF
            run dnf install -y -q containerd.io
            run dnf install -y -q --disableexcludes=kubernetes kubelet kubeadm kubectl
            ;;
    esac
    (( minor >= 28 )) || log "WARNING: Kubernetes 1.${minor} is out of support"
}

configure_containerd() {
    mkdir -p /etc/containerd
    containerd config default >/etc/containerd/config.toml
    # kubelet uses the systemd cgroup driver; containerd must match.
    sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
    if [[ -n $CONTAINERD_REGISTRY_MIRROR ]]; then
        local host=${CONTAINERD_REGISTRY_MIRROR#*://}
        host=${host%%/*}
        mkdir -p /etc/containerd/certs.d/docker.io
        cat >/etc/containerd/certs.d/docker.io/hosts.toml <<EOF
server = "https://registry-1.docker.io"

[host."${CONTAINERD_REGISTRY_MIRROR}"]
  capabilities = ["pull", "resolve"]
  skip_verify = $([[ $host == *.internal* ]] && echo true || echo false)
EOF
        sed -i 's|config_path = ""|config_path = "/etc/containerd/certs.d"|' /etc/containerd/config.toml
    fi
    run systemctl enable --now containerd
    run systemctl restart containerd
}

join_cluster() {
    local -a extra=()
    local config=/etc/kubernetes/join-config.yaml
    mkdir -p /etc/kubernetes
    {
        cat <<EOF
apiVersion: kubeadm.k8s.io/v1beta3
kind: JoinConfiguration
discovery:
  bootstrapToken:
    apiServerEndpoint: "${API_ENDPOINT}"
    token: "${JOIN_TOKEN}"
    caCertHashes: ["${CA_CERT_HASH}"]
nodeRegistration:
  criSocket: unix:///run/containerd/containerd.sock
  kubeletExtraArgs:
    node-labels: "${NODE_LABELS}"
EOF
        if [[ -n $NODE_TAINTS ]]; then
            echo "  taints:"
            local t key value effect
            IFS=',' read -r -a taints <<<"$NODE_TAINTS"
            for t in "${taints[@]}"; do
                # key=value:Effect
                key=${t%%=*}
                value=${t#*=}
                effect=${value##*:}
                value=${value%:*}
                printf '  - key: %s\n    value: %s\n    effect: %s\n' "$key" "$value" "$effect"
            done
        fi
        if [[ $NODE_ROLE == control-plane ]]; then
            cat <<EOF
controlPlane:
  certificateKey: "${CERTIFICATE_KEY}"
EOF
        fi
    } >"$config"
    chmod 600 "$config"

    case $NODE_ROLE in
        control-plane)
            extra+=(--ignore-preflight-errors=NumCPU)
            ;&
        worker)
            extra+=(--v=2)
            ;;
    esac
    run kubeadm join --config "$config" "${extra[@]}"
    # The join config holds a token; it is not needed any more.
    shred -u "$config" 2>/dev/null || rm -f "$config"
}

verify() {
    local i
    for (( i = 0; i < 60; i++ )); do
        if systemctl is-active --quiet kubelet && [[ -s /var/lib/kubelet/config.yaml ]]; then
            log "kubelet is running"
            return 0
        fi
        sleep 5
    done
    journalctl -u kubelet --no-pager -n 50 >&3
    die "kubelet did not become active"
}

main() {
    (( EUID == 0 )) || die "must run as root"
    log "bootstrapping $(hostname -f) as ${NODE_ROLE} for Kubernetes ${K8S_VERSION} (flags: $-)"
    detect_os
    preflight
    step kernel kernel_setup
    step packages install_packages
    step containerd configure_containerd
    step join join_cluster
    verify
    log "done; steps run this time: ${!step_done[*]}"
    printf 'node %s joined %s\n' "$(hostname)" "$API_ENDPOINT" >&3
}

main "$@"
