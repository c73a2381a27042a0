set -u
# A function's subshells change nothing its caller sees: not an unset, an assignment or an exit
# inside `( )` or `$( )`, and a summary walk skips them.
f() {
  G=1
  ( unset G; H=2; exit 3 )
  out=$(unset G; K=1; echo x)
}
f
echo "$G $out"  # @safe G @safe out
( echo "$H" )  # @unsafe H
( echo "$K" )  # @unsafe K
