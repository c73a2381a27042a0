cat <<EOF
plain body
EOF
cat << EOF
blank between operator and delimiter
EOF
cat <<EOF > out
redirection after the delimiter word
EOF
cat > out <<EOF
redirection before the heredoc
EOF
cat <<END_OF_TEXT
other delimiter name, with 'quotes' and "double quotes" kept literally
END_OF_TEXT
cat <<EOF; echo after
command continues on the operator line
EOF
cat 0<<EOF
explicit fd
EOF
cat 3<<EOF 3>&0
fd 3
EOF
cat <<-EOF
no tabs here, <<- changes nothing
EOF
cat <<EOF
EOF is not the delimiter when indented or followed by a blank:
  EOF
 EOF
EOF 
EOF
cat <<'!'
punctuation delimiter
!
cat <<EOF
last line without trailing newline follows
EOF