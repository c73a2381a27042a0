cat <<'EOF'
single-quoted: $x ${y} $(cmd) `cmd` \$ \\ stay literal
EOF
cat <<"EOF"
double-quoted: $x ${y} $(cmd) `cmd` \$ \\ stay literal
EOF
cat <<\EOF
backslash-quoted: $x ${y} $(cmd) stay literal
EOF
cat <<E"O"F
partially quoted delimiter is EOF, body literal: $x
EOF
cat <<E'O'F
same with single quotes: $x
EOF
cat <<E\OF
same with a backslash: $x
EOF
cat <<"E O F"
delimiter with a blank: $x
E O F
cat <<''
empty delimiter: the body ends at the first empty line, $x literal

cat <<'$x'
dollar in a quoted delimiter
$x
cat <<'EOF'x
quoted part then literal part: delimiter is EOFx
EOFx
