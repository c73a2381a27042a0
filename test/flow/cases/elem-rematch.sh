set -u
# A match sets every group of the regex; BASH_REMATCH has no element past them.
# @env V=v1.2|x
if [[ ${V:-} =~ ^v([0-9]+)\.([0-9]+)$ ]]; then
  echo "${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"  # @safe BASH_REMATCH
  ( echo "${BASH_REMATCH[3]}" )  # @unsafe BASH_REMATCH
fi
[[ ${V:-} =~ ^v ]]
( echo "${BASH_REMATCH[1]}" )  # @unsafe BASH_REMATCH
[[ ${V:-} =~ ^v([0-9]+) ]] && echo "major ${BASH_REMATCH[1]}"  # @safe BASH_REMATCH
if [[ -n ${V:-} && ${V:-} =~ ^v([0-9]+)\.([0-9]+) ]]; then echo "${BASH_REMATCH[2]}"; fi  # @safe BASH_REMATCH
true && [[ ${V:-} =~ ^(v) ]] && echo "${BASH_REMATCH[1]}"  # @safe BASH_REMATCH
