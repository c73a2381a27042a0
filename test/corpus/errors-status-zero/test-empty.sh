# bash -n (exit 0): prints nothing
# bash 5.2 stops reading the script here (nothing after this line is parsed or run) but exits 0.
[[ ]]
echo never-reached
