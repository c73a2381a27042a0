set -u
# @env CLEAR=A|C
# The name comes from outside: any variable may be the one unset.
A=1
unset "${CLEAR:-none}"
echo "$A"  # @unsafe A
