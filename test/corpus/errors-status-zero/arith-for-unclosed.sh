# bash -n (exit 0): prints nothing
# bash 5.2 stops reading the script here (nothing after this line is parsed or run) but exits 0.
for ((i=0; i<3; i++); do :; done
echo never-reached
