load_config() {
  CONF=1
}
