# bash -n (exit 0): line 3: conditional binary operator expected
# bash 5.2 stops reading the script here (nothing after this line is parsed or run) but exits 0.
[[ a b ]]
echo never-reached
