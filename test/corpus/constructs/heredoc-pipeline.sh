cat <<EOF | grep a && echo found
a line
EOF
cat <<EOF | sort | uniq && echo sorted || echo failed
b
a
EOF
grep -q x <<EOF && echo yes
x
EOF
cat <<EOF |& cat
both streams
EOF
! grep -q z <<EOF || echo has-z
z
EOF
cat <<EOF &
background
EOF
while read -r l; do echo "$l"; done <<EOF | cat
one
two
EOF
if cat <<EOF | grep -q t; then echo t; fi
t
EOF
cat <<EOF |
pipe continues on the line after the body
EOF
cat
cat <<EOF &&
and-list continues after the body
EOF
echo done
