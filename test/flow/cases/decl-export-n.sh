set -u
# `export -n NAME` takes the export attribute away: NAME keeps its value, and is no nameref
# (`declare -n` makes one).
kept=1
export -n kept
echo "$kept"  # @safe kept
unexport() { export -n shared; }
shared=2
unexport
echo "$shared"  # @safe shared
