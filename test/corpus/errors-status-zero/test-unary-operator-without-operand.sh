# bash -n (exit 0): line 3: unexpected argument `]]' to conditional unary operator
# bash 5.2 stops reading the script here (nothing after this line is parsed or run) but exits 0.
[[ -f ]]
echo never-reached
