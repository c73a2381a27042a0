set -u
# A file sourced by a function runs in it: its `declare X=1` makes a local of that function, gone
# when it returns, and an `unset` before it is the caller's.
load() { . "$(dirname "$0")/conf.sh"; }
A=1
load
( echo "$CONF" )  # @unsafe CONF
echo "$GLOBAL"  # @safe GLOBAL
( echo "$A" )  # @unsafe A
