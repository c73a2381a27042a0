set -u
# A variable that holds code: `eval "$h"` runs the `unset` in its value. What else it runs
# nounset takes to assign, never to unset: Z stays set.
Y=1
Z=1
h="unset Y"
eval "$h"
( echo "$Y" )  # @unsafe Y
echo "$Z"  # @safe Z
clean="rm -f /dev/null/none 2>/dev/null; unset -v W"
W=1
eval "$clean"
( echo "$W" )  # @unsafe W
V=1
guard='if [ -n "${V:-}" ]; then unset -v V; fi'
eval "$guard"
( echo "$V" )  # @unsafe V
