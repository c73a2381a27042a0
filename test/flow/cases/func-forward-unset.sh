set -u
# "$@" in a function runs what its callers name: here a function that unsets X.
X=1
drop() { unset X; }
quietly() { "$@" >/dev/null; }
quietly drop
echo "$X"  # @unsafe X
