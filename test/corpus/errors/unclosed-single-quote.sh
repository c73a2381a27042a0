# bash -n: line 2: unexpected EOF while looking for matching `''
echo 'abc
echo def
