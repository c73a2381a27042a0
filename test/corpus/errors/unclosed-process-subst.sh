# bash -n: line 3: unexpected EOF while looking for matching `)'
cat <(echo a
