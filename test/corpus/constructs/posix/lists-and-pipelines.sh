echo a; echo b & echo c
echo a && echo b || echo c
! true || echo negated
echo a | cat | cat
{ echo a; echo b; } | cat
( echo sub ) && { echo group; }
true &&
  echo next-line ||
  echo other
echo a |
  cat
sleep 0 &
wait
: ; :
if true; then :; fi; while false; do :; done &
a=1 b=2
a=1 cmd arg 2>/dev/null || :
x=$y
