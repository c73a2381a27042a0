set -u
# A function's own associative array hides the global one: what it sets and unsets stays there.
declare -A conf=([mode]=fast)
load() {
  local -A conf=([path]=/tmp)
  echo "${conf[path]}"  # @safe conf
}
load
echo "${conf[mode]}"  # @safe conf
if [ "${conf[path]+x}" ]; then echo has; fi
echo "${conf[path]}"  # @unsafe conf
