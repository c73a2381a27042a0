set -u
# A function that runs a computed name passes on what that command unsets.
X=1
drop() { unset X; }
run() { "$cmd"; }
cmd=drop
run
echo "$X"  # @unsafe X
