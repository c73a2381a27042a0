set -u
# `eval "unset $name"` unsets what name holds: bash expands the string, then runs `unset NAME`.
# nounset reads the code it cannot see as code that may assign, never unset; a literal `unset`
# at its start is read as an unset of the names name may hold.
token=secret
name=token
eval "unset $name"
( echo "$token" )  # @unsafe token
kept=1
eval "echo $name >/dev/null"
echo "$kept"  # @safe kept
