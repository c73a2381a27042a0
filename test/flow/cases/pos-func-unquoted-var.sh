set -u
# @env X=|v
f() {
  echo "$1"  # @unsafe 1
}
f $X  # @unsafe X
