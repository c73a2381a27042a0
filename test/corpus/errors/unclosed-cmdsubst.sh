# bash -n: line 3: unexpected EOF while looking for matching `)'
echo $(echo a
