for x in a b c; do echo "$x"; done
for x in; do :; done
for x in "$@"; do :; done
for x in $list "${arr[@]}" $(seq 3) `seq 2` {1..3} *.txt ~/d; do :; done
for x in a b
do
  echo $x
done
for x in a b; { echo "$x"; }
for x in a; do for y in b; do echo $x$y; done; done
for x in a b; do :; done > out
for x in 'quoted list' "another one"; do :; done
for i in $(seq 1 10); do [[ $i -gt 5 ]] && break; done
for _v1 in x; do :; done
for x in a b c ; do echo; done
for x in do done; do echo "$x"; done
for x in a; do echo; done; for y in b; do echo; done
