set -u
# @env C
show() {
  echo "$G"  # @unsafe G
}
if [ -n "${C:-}" ]; then
  G=1
  show
fi
show
