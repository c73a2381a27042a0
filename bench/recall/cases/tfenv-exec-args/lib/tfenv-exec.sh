#!/usr/bin/env bash

set -uo pipefail;

function tfenv-exec() {
  for _arg in "${@}"; do
    if [[ "${_arg}" == -chdir=* ]]; then
      log 'debug' "Found -chdir arg. Setting TFENV_DIR to: ${_arg#-chdir=}";
      export TFENV_DIR="${PWD}/${_arg#-chdir=}";
    fi;
  done;

  log 'debug' 'Getting version from tfenv-version-name';
  TFENV_VERSION="$(tfenv-version-name)" \
    && log 'debug' "TFENV_VERSION is ${TFENV_VERSION}" \
    || log 'error' 'Failed to get version from tfenv-version-name';
  export TFENV_VERSION;

  local tf_path="${TFENV_CONFIG_DIR:-${TFENV_ROOT}}/versions/${TFENV_VERSION}/terraform";
  [ -x "${tf_path}" ] || log 'error' "Executable ${tf_path} not found";
  exec "${tf_path}" "${@}";
};
export -f tfenv-exec;

function log() {
  [ "${1}" = 'error' ] && { echo "tfenv: ${2}" >&2; exit 1; };
  [ -n "${TFENV_DEBUG:-}" ] && echo "tfenv: ${2}" >&2;
  return 0;
};
