# A library helper that drops a variable by name.
lib_forget() {
  unset "$1"
}
