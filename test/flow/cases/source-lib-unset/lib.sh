clear_x() {
  unset X
}
