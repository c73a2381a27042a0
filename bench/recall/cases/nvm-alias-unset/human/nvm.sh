# Node Version Manager (excerpt), in the style of nvm.sh v0.33.2 (2017).
# Implemented as a POSIX-compliant function; to be sourced, not executed.

nvm_echo() {
  command printf %s\\n "$*" 2>/dev/null
}

nvm_err() {
  >&2 nvm_echo "$@"
}

nvm_alias_path() {
  nvm_echo "${NVM_DIR}/alias"
}

nvm_list_aliases() {
  local ALIAS
  ALIAS="${1-}"
  local NVM_ALIAS_DIR
  NVM_ALIAS_DIR="$(nvm_alias_path)"
  local ALIAS_PATH
  for ALIAS_PATH in "${NVM_ALIAS_DIR}/${ALIAS}"*; do
    [ -f "${ALIAS_PATH}" ] || continue
    nvm_echo "${ALIAS_PATH##*/} -> $(command cat "${ALIAS_PATH}")"
  done
}

nvm() {
  local COMMAND
  COMMAND="${1-}"
  shift

  case $COMMAND in
    "alias" )
      local NVM_ALIAS_DIR
      NVM_ALIAS_DIR="$(nvm_alias_path)"
      command mkdir -p "${NVM_ALIAS_DIR}/lts"

      local ALIAS
      local TARGET
      ALIAS='--'
      TARGET='--'
      while [ $# -gt 0 ]; do
        case "${1-}" in
          --) ;;
          --*)
            nvm_err "Unsupported option \"${1}\"."
            return 55
          ;;
          *)
            if [ "${ALIAS}" = '--' ]; then
              ALIAS="${1-}"
            elif [ "${TARGET}" = '--' ]; then
              TARGET="${1-}"
            fi
          ;;
        esac
        shift
      done

      if [ -n "${TARGET}" ] && [ "${TARGET}" != '--' ]; then
        nvm_echo "${TARGET}" > "${NVM_ALIAS_DIR}/${ALIAS}"
        nvm_echo "${ALIAS} -> ${TARGET}"
        return
      fi

      if [ "${ALIAS-}" = '--' ]; then
        unset ALIAS
      fi

      nvm_list_aliases "${ALIAS-}"
    ;;
  esac
}
