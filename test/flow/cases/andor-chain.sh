set -u
# @env F
[ -n "${F:-}" ] && read -r pid <<< "12" && [ -n "$pid" ] && echo "$pid"  # @safe pid
[ -n "${F:-}" ] && Q=1 && echo "$Q"  # @safe Q
[ -z "${F:-}" ] || R=1 || echo "never"
echo "$pid"  # @unsafe pid
