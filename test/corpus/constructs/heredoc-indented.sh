if true; then
	cat <<-EOF
		two leading tabs are stripped
	  tab then spaces: only the tab is stripped
  spaces are never stripped
		$x and ${y} still expand
	EOF
	cat <<-'EOF'
	quoted delimiter: $x stays literal, tabs still stripped
			EOF
fi
cat <<- EOF
	blank between <<- and the delimiter
EOF
cat <<-EOF
  EOF
   an indented-by-spaces EOF above is NOT the delimiter
	 EOF
   nor is tab+space+EOF above
	EOF
f() {
	cat <<-EOF | cat
		in a function, in a pipeline
		EOF
}
cat <<-EOF1 <<EOF2
	first body, stripped
	EOF1
	second body (<<), tabs kept
EOF2
cat <<-"EOF"
	double-quoted delimiter
	EOF
cat <<-EOF
	continued \
	line: joined to the line above first, so this leading tab is KEPT
	EOF
