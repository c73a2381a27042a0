set -u
# FUNCNAME has an element for each function running, and "main" under them in a script.
inner() {
  echo "${FUNCNAME[0]} ${FUNCNAME}"  # @safe FUNCNAME
  ( echo "${FUNCNAME[3]}" )  # @unsafe FUNCNAME
}
outer() { inner; }
outer
