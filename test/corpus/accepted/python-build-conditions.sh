# Shape of pyenv's plugins/python-build/bin/python-build: a condition whose parts are commented.
use_homebrew_openssl() {
  local ssldir
  ssldir="$(brew --prefix openssl 2>/dev/null || true)"
  if [[ -n $ssldir &&
    # brew may print a prefix that was never installed
    -d $ssldir ]]; then
    export CPPFLAGS="-I$ssldir/include ${CPPFLAGS:-}"
    return 0
  fi
  return 1
}

needs_yaml() {
  [[ ! -e "${PREFIX_PATH:-/usr}/include/yaml.h" ]] &&
    # only CPython builds the yaml module
    [[ ${PYTHON_BUILD_FLAVOR:-cpython} == cpython ]]
}

if [[ -n ${PYTHON_CONFIGURE_OPTS-} &&
  # --enable-shared needs an rpath
  ${PYTHON_CONFIGURE_OPTS} == *--enable-shared* ]]; then
  echo "shared build"
fi
