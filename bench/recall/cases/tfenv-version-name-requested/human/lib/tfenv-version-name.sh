#!/usr/bin/env bash

# Works out which terraform version to use from TFENV_VERSION or the version
# file (excerpt), in the style of tfutils/tfenv's lib/tfenv-version-name.sh.

set -uo pipefail;

function log() {
  [ "${1}" = 'error' ] && { echo "tfenv: ${2}" >&2; exit 1; };
  [ -n "${TFENV_DEBUG:-}" ] && echo "tfenv: ${2}" >&2;
  return 0;
};

function tfenv-version-name() {
  if [[ -z "${TFENV_VERSION:-""}" ]]; then
    TFENV_VERSION_FILE="${TFENV_CONFIG_DIR}/version";
    TFENV_VERSION="$(cat "${TFENV_VERSION_FILE}" || true)";
  fi;

  if [[ "${TFENV_VERSION}" =~ ^latest.*$ ]]; then
    log 'debug' "TFENV_VERSION uses 'latest' keyword: ${TFENV_VERSION}";

    if [[ "${TFENV_VERSION}" =~ ^latest\:.*$ ]]; then
      regex="${TFENV_VERSION##*\:}";
      log 'debug' "'latest' keyword uses regex: ${regex}";
    else
      regex="";
    fi;

    local version;
    version="$(\ls "${TFENV_CONFIG_DIR}/versions" \
      | sort -t'.' -k 1nr,1 -k 2nr,2 -k 3nr,3 \
      | grep -e "${regex}" \
      | head -n 1)";

    if [ -n "${version}" ]; then
      log 'debug' "Version selected: ${version}";
      TFENV_VERSION="${version}";
    else
      log 'error' "No installed versions of terraform matched '${TFENV_VERSION}'";
    fi;
  fi;

  echo "${TFENV_VERSION}";
};
export -f tfenv-version-name;

tfenv-version-name;
