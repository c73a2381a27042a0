# Node Version Manager (excerpt), in the style of nvm.sh v0.33 (2017).
# Implemented as a POSIX-compliant function; to be sourced, not executed.

nvm_echo() {
  command printf %s\\n "$*" 2>/dev/null
}

nvm_err() {
  >&2 nvm_echo "$@"
}

nvm_is_version_installed() {
  [ -n "${1-}" ] && [ -d "${NVM_DIR}/versions/node/${1}" ]
}

nvm_install_binary() {
  nvm_echo "Downloading and installing node ${1}..."
  command mkdir -p "${NVM_DIR}/versions/node/${1}/bin"
}

nvm() {
  local COMMAND
  COMMAND="${1-}"
  shift

  case $COMMAND in
    "install" | "i" )
      local version_not_provided
      version_not_provided=0
      local provided_version
      local REINSTALL_PACKAGES_FROM
      local noprogress
      noprogress=0

      while [ $# -ne 0 ]
      do
        case "$1" in
          --reinstall-packages-from=*)
            REINSTALL_PACKAGES_FROM="$(nvm_echo "$1" | command cut -c 27-)"
            shift
          ;;
          --copy-packages-from=*)
            REINSTALL_PACKAGES_FROM="$(nvm_echo "$1" | command cut -c 22-)"
            shift
          ;;
          --no-progress)
            noprogress=1
            shift
          ;;
          *)
            provided_version="$1"
            shift
          ;;
        esac
      done

      if [ -z "${provided_version-}" ]; then
        version_not_provided=1
        nvm_err 'Please provide a version to install.'
        return 127
      fi

      local VERSION
      VERSION="v${provided_version#v}"
      if nvm_is_version_installed "$VERSION"; then
        nvm_err "$VERSION is already installed."
        return 0
      fi

      nvm_install_binary "$VERSION"
      if [ ! -z "$REINSTALL_PACKAGES_FROM" ] && [ "_$REINSTALL_PACKAGES_FROM" != "_N/A" ]; then
        nvm reinstall-packages "$REINSTALL_PACKAGES_FROM"
      fi
      nvm_echo "Now using node ${VERSION}"
    ;;
    "reinstall-packages" | "copy-packages" )
      nvm_echo "Reinstalling global packages from ${1-}"
    ;;
  esac
}
