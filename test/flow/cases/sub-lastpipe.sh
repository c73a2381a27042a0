set -u
set +m
shopt -s lastpipe
echo a | read X
echo "$X"  # @safe X
