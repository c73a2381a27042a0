# Node Version Manager (excerpt), in the style of nvm.sh v0.31 (2016).
# Implemented as a POSIX-compliant function; to be sourced, not executed.

nvm_echo() {
  command printf %s\\n "$*" 2>/dev/null
}

nvm_err() {
  >&2 nvm_echo "$@"
}

nvm_rc_version() {
  export NVM_RC_VERSION
  NVM_RC_VERSION=''
  if [ ! -e ".nvmrc" ]; then
    nvm_err "No .nvmrc file found"
    return 1
  fi
  read -r NVM_RC_VERSION < ".nvmrc" || printf ''
  nvm_echo "Found '$PWD/.nvmrc' with version <$NVM_RC_VERSION>"
}

nvm_version() {
  local PATTERN
  PATTERN="${1-}"
  if [ -d "$NVM_DIR/versions/node/v$PATTERN" ]; then
    nvm_echo "v$PATTERN"
  else
    nvm_echo "N/A"
  fi
}

nvm() {
  if [ $# -lt 1 ]; then
    nvm help
    return
  fi

  local COMMAND
  COMMAND="$1"
  shift

  case $COMMAND in
    "run" )
      local provided_version
      local has_checked_nvmrc
      has_checked_nvmrc=0
      # run given version of node
      local NVM_SILENT
      if [ "_$1" = "_--silent" ]; then
        NVM_SILENT='--silent'
        shift
      fi

      local VERSION
      if [ $# -eq 0 ]; then
        if nvm_rc_version; then
          has_checked_nvmrc=1
          VERSION="$(nvm_version "$NVM_RC_VERSION")"
          NVM_USE_OUTPUT="$(nvm_echo "Now using node $VERSION")"
        fi
      else
        provided_version="$1"
        VERSION="$(nvm_version "$provided_version")"
        shift
      fi

      if [ -n "${NVM_USE_OUTPUT-}" ]; then
        nvm_echo "$NVM_USE_OUTPUT"
      fi

      if [ "_$VERSION" = "_N/A" ]; then
        nvm_err "N/A: version \"${provided_version-$NVM_RC_VERSION}\" is not yet installed."
        return 1
      fi
      nvm_echo "Running node $VERSION"
      "$NVM_DIR/versions/node/$VERSION/bin/node" "$@"
    ;;
    "help" )
      nvm_echo "Usage: nvm run [--silent] [<version>] [<args>]"
    ;;
  esac
}
