set -u
# nounset follows element 0 of an indexed array: a later index may be past the end.
# @env N=1|2
roles=(master worker)
i=${N:-0}
echo "${roles[0]}"  # @safe roles
( echo "${roles[$i]}" )  # @unsafe roles @safe i
