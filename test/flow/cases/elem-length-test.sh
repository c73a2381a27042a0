set -u
# A test of the length shows which elements are there.
# @env N=1|3
a=(first)
for ((j = 0; j < ${N:-0}; j++)); do a+=("x$j"); done
if [ "${#a[@]}" -ge 2 ]; then
  echo "${a[1]}"  # @safe a
fi
[[ ${#a[@]} -gt 2 ]] && echo "${a[2]}"  # @safe a
(( ${#a[@]} > 0 )) && ( echo "${a[1]}" )  # @unsafe a
f() { [ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[1]}" = main ] && echo called from the top; }
f
