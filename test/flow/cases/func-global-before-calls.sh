set -u
show() {
  echo "$G"  # @safe G
}
G=1
show
show
