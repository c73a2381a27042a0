set -u
# @args "" "a"
set -euo pipefail
echo "$1"  # @unsafe 1
