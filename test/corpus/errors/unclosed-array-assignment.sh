# bash -n: line 3: unexpected EOF while looking for matching `)'
# bash -n exits 1 here, not 2.
a=(x y
