set -u
# @args "" "a"
# A length test that passed shows element 0 of an array that is not sparse; without one, an array
# built from no arguments has none.
args=("$@")
[ ${#args[@]} -gt 0 ] && echo "first: ${args[0]}"  # @safe args
if [[ ${#args[@]} -ge 1 ]]; then echo "$args"; fi  # @safe args
( echo "${args[0]}" )  # @unsafe args
