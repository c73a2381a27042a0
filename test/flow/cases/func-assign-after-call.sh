set -u
show() {
  echo "$G"  # @unsafe G
}
show
G=1
show
