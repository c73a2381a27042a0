cat <<EOF
EOF
cat <<'EOF'
EOF
cat <<-EOF
EOF
cat <<EOF >/dev/null; echo after-empty
EOF
x=$(cat <<EOF
EOF
)
cat <<A <<B
A
B
cat <<EOF

EOF
cat <<EOF && echo next
EOF
