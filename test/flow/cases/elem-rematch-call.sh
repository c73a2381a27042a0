set -u
# A function that runs another match between the test and the read changes BASH_REMATCH.
# @env V=v1.2|x
is_word() { [[ $1 =~ ^[a-z]+$ ]]; }
if [[ ${V:-} =~ ^v([0-9]+)\.([0-9]+)$ ]]; then
  echo "${BASH_REMATCH[1]}"  # @safe BASH_REMATCH
  is_word "${BASH_REMATCH[2]}" || true  # @safe BASH_REMATCH
  ( echo "${BASH_REMATCH[2]}" )  # @unsafe BASH_REMATCH
fi
