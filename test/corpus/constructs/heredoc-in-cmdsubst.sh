x=$(cat <<EOF
inside command substitution: $y
EOF
)
x="$(cat <<'EOF'
quoted, inside double-quoted $(...): $y ) ( unbalanced parens are fine
EOF
)"
x=$(cat <<EOF; echo more
body
EOF
echo after)
x=$(
  cat <<EOF
indented command, body $(echo nested)
EOF
)
echo "$(cat <<A
a
A
cat <<B
b
B
)"
x=`cat <<EOF
inside backquotes
EOF
`
x=$(cat <<EOF | tr a b
pipe in substitution with a ) in the body
EOF
)
y=$(echo $(cat <<EOF
doubly nested
EOF
))
x=$(cat <<EOF
body, then the closing paren on the delimiter line's next line
EOF
) && echo ok
