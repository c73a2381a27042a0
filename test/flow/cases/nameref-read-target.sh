set -u
# @env TARGET
# A read of a nameref reads the variable it names: its own `declare -n r=NAME` does not make it set.
declare -n r=TARGET
( echo "$r" )  # @unsafe r
