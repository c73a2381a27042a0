set -u
f() {
  local L=1
}
f
echo "$L"  # @unsafe L
