#!/bin/bash

# A library of helper functions that each provider hosting Kubernetes must
# implement to use cluster/kube-*.sh scripts (ubuntu provider).

SSH_OPTS="-oStrictHostKeyChecking=no -oUserKnownHostsFile=/dev/null -oLogLevel=ERROR"

MASTER=""
MASTER_IP=""
MINION_IPS=""

function verify-prereqs {
  if ! ssh -V >/dev/null 2>&1; then
    echo "Could not find ssh" >&2
    exit 1
  fi
}

# From the nodes and roles the user gave, work out the master and the minions
function setClusterInfo() {
  ii=0
  for i in $nodes; do
    nodeIP=${i#*@}

    if [[ "${roles[${ii}]}" == "ai" ]]; then
      MASTER_IP=$nodeIP
      MASTER=$i
      MINION_IPS="$nodeIP"
    elif [[ "${roles[${ii}]}" == "a" ]]; then
      MASTER_IP=$nodeIP
      MASTER=$i
    elif [[ "${roles[${ii}]}" == "i" ]]; then
      if [[ -z "${MINION_IPS}" ]]; then
        MINION_IPS="$nodeIP"
      else
        MINION_IPS="$MINION_IPS,$nodeIP"
      fi
    else
      echo "unsupported role for ${i}. please check" >&2
      exit 1
    fi

    ((ii=ii+1))
  done
}

function kube-up() {
  source "${KUBE_ROOT}/cluster/ubuntu/${KUBE_CONFIG_FILE-"config-default.sh"}"
  setClusterInfo

  ii=0
  for i in ${nodes}; do
    echo "Deploying ${i} as ${roles[${ii}]}" >&2
    ssh $SSH_OPTS "$i" "mkdir -p ~/kube"
    ((ii=ii+1))
  done
  echo "Master: ${MASTER_IP}; minions: ${MINION_IPS}" >&2
}
