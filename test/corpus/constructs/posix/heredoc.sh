cat <<EOF
body $x ${y} $(echo z) `echo w` $((1 + 2))
\$escaped \\ backslash
    $F
EOF
cat <<'EOF'
literal $x
EOF
cat <<"EOF"
literal $x
EOF
cat <<\EOF
literal $x
EOF
cat <<E"O"F
literal $x
EOF
cat <<-EOF
	tab stripped $x
	EOF
cat <<A; cat <<B
a
A
b
B
x=$(cat <<EOF
in cmdsubst
EOF
)
cat <<EOF | grep a && echo found
a
EOF
cat <<EOF
EOF
