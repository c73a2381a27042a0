set -u
# A call of a function before its definition has run is bash's `command not found`: it assigns
# nothing. nounset takes every call of a name the file defines as a call of that function.
f 2>/dev/null
f() { X=1; }
( echo "$X" )  # @unsafe X
