set -u
# Functions only computed calls run: each is entered from every such call, met once per group of
# calls that may run the same functions (and then with its own calls by name).
# @env MODE=a|b
a() { echo "$Y $Z"; }  # @unsafe Y @safe Z
b() { echo "$Z"; }  # @unsafe Z
Z=1
cmd=a
[ "${MODE:-}" = b ] && cmd=b
"$cmd"
Y=2
"$cmd"
unset Z
b
