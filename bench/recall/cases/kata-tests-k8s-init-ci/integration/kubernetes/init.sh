#!/bin/bash
#
# Copyright (c) 2018 Intel Corporation
#
# SPDX-License-Identifier: Apache-2.0
#
# Sets up a single node Kubernetes cluster for the Kata tests, in the style
# of kata-containers/tests' integration/kubernetes/init.sh.

set -o errexit
set -o nounset
set -o pipefail

SCRIPT_PATH=$(dirname "$(readlink -f "$0")")
source "${SCRIPT_PATH}/../../.ci/lib.sh"

cri_runtime="${CRI_RUNTIME:-containerd}"
kubernetes_version="${KUBERNETES_VERSION:-1.21.1}"
network_plugin_config="${NETWORK_PLUGIN_CONFIG:-https://raw.githubusercontent.com/flannel-io/flannel/master/Documentation/kube-flannel.yml}"

# The kubeadm config file
kubeadm_config_file="$(mktemp --tmpdir kubeadm_config.XXXXXX.yaml)"

trap 'rm -f "$kubeadm_config_file"' EXIT

info "Init cluster using ${cri_runtime} and kubernetes ${kubernetes_version}"

# Check no processes are left behind
if [ "$CI" == true ]; then
	info "Cleaning the node first"
	sudo -E kubeadm reset -f
fi

sudo -E kubeadm init --config "${kubeadm_config_file}"
mkdir -p "${HOME}/.kube"
sudo cp "/etc/kubernetes/admin.conf" "${HOME}/.kube/config"

info "Apply the network plugin ${network_plugin_config}"
kubectl apply -f "$network_plugin_config"
