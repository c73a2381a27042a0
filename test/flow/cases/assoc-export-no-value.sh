set -u
# `export -A m` (or `readonly -A`) without a value leaves m a plain variable in bash 5.2: a later
# `m=([key]=v)` makes an indexed array, whose subscript is arithmetic and reads key. With a `(…)`
# value it makes m associative, and `[key]` is a string.
export -A m
( m=([key]=v) )  # @unsafe key
export -A n=([one]=1)
n[two]=2  # @safe two
echo "${n[one]}"
