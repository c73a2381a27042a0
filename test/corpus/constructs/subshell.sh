(echo a)
( echo a )
(echo a; echo b)
(
  cd /tmp
  pwd
)
(echo a) && (echo b) || (echo c)
(echo a) &
(echo a) | (cat)
(cd /; pwd) > out
x=1; (x=2); echo $x
( (echo nested) )
( ( (echo triple) ) )
(echo a;)
(echo a &)
(echo a
)
(:) 2>/dev/null
(exit 1) || echo failed
(set -e; false); echo "$?"
