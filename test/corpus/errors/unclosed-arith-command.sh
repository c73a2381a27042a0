# bash -n: line 2: unexpected EOF while looking for matching `)'
(( 1 + 2
