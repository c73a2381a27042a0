# bash -n (exit 0): line 3: syntax error in conditional expression: unexpected token `)'
# bash 5.2 stops reading the script here (nothing after this line is parsed or run) but exits 0.
[[ a ) ]]
echo never-reached
