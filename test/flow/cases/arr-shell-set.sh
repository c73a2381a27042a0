set -u
# Arrays bash itself sets are set as arrays too.
echo "${#BASH_VERSINFO[@]}"  # @safe BASH_VERSINFO
echo "${BASH_VERSINFO[0]}"  # @safe BASH_VERSINFO
echo "${#arr[@]}"  # @unsafe arr
