cat <<EOF
EOF with trailing text: EOFx
xEOF
 EOF
EOF 
EOF;
EOF)
EOF # comment-looking text
"EOF"
'EOF'
\EOF
$EOF
echo EOF
EOF
cat <<'EOF'
EOFEOF
EOF
cat <<EOF
$(echo EOF)
`echo EOF`
EOF
cat <<END
END_NOT
 END
ENDS
END
cat <<EOF; echo EOF
EOF
echo "<<EOF is not a heredoc in quotes" '<<EOF' \<<EOF
echo $(( 1 << 2 )) $((x<<=1))
(( y <<= 1 ))
