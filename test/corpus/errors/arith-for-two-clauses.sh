# bash -n: line 2: syntax error: arithmetic expression required
for ((i=0; i<3)); do :; done
