set -u
# A name a function makes local is the caller's until the `local` runs: an unset before it, in
# the function or in a function it calls, unsets the caller's.
# @env MODE=a|b
A=1
B=1
C=1
D=1
drop_c() { unset C; }
f() {
  unset A
  local A=4
  echo "$A"  # @safe A
  unset B
}
g() {
  drop_c
  local C=2
}
h() {
  if [ "${MODE:-}" = a ]; then local D; fi
  unset D
}
f
( echo "$A" )  # @unsafe A
( echo "$B" )  # @unsafe B
g
( echo "$C" )  # @unsafe C
h
( echo "$D" )  # @unsafe D
E=1
k() { local E; unset E; E=3; }
k
echo "$E"  # @safe E
