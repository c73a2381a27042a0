#!/bin/bash

# Step script in the style of openshift/release's ci-operator/step-registry:
# find the bootstrap and control plane VMs of a vSphere UPI install and run
# `openshift-install gather bootstrap` against them.

set -o nounset
set -o errexit
set -o pipefail

declare vsphere_datacenter
declare cluster_name
# shellcheck source=/dev/null
source "${SHARED_DIR}/vsphere_context.sh"

export GOVC_URL="${vsphere_url}"
export KUBECONFIG=${SHARED_DIR}/kubeconfig

declare -a all_control_plane_ips
declare -a bootstrap_ips

for vm in $(govc ls "/${vsphere_datacenter}/vm/${cluster_name}"); do
  ip=$(govc vm.ip -wait=1m "${vm}" || true)
  [[ -z "${ip}" ]] && continue
  case "${vm}" in
    *bootstrap*) bootstrap_ips+=("${ip}") ;;
    *control-plane*) all_control_plane_ips+=("${ip}") ;;
  esac
done

echo "$(date -u --rfc-3339=seconds) - found ${#all_control_plane_ips[@]} control plane and ${#bootstrap_ips[@]} bootstrap IPs"

gather_args=(--dir "${SHARED_DIR}/installer")
for ip in "${all_control_plane_ips[@]}"; do
  gather_args+=(--master "${ip}")
done
if [[ ${#bootstrap_ips[@]} -gt 0 ]]; then
  gather_args+=(--bootstrap "${bootstrap_ips[0]}")
fi

openshift-install gather bootstrap "${gather_args[@]}"
