{ echo a; echo b; } > out
{ echo a; } 2>&1 >out | cat
( echo sub ) > out 2>&1
if true; then echo a; fi > out
while read -r l; do echo "$l"; done < in
until false; do break; done 2>/dev/null
for i in 1 2; do echo $i; done >> out
for ((i=0; i<2; i++)); do echo $i; done > out
select s in a b; do break; done < /dev/null
case x in x) echo x;; esac > out
[[ -n x ]] > out
(( 1 + 2 )) 2> err
f() { echo f; } > out
g() ( echo g ) 2>/dev/null
function h { echo h; } >&2
function k() { echo k; } < in > out
{ echo a; } {fd}>out
while read -r a b; do :; done < <(echo 1 2)
while read -r l; do :; done <<EOF2
body $x
EOF2
{ cat; } <<< "here-string"
{ echo a; } > out; echo next
{ echo a; } > out & echo bg
