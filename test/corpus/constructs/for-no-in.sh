for x; do echo "$x"; done
for x
do
  echo "$x"
done
for x do echo "$x"; done
for x; { echo "$x"; }
f() { for arg; do echo "$arg"; done; }
