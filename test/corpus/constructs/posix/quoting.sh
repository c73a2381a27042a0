echo 'single $x' "double $x ${y}" \$x \\ \"
echo "a\
b" a\
b
echo "$(echo "nested")" "`echo bq`"
echo '' "" a'b'"c"d
echo a#b # comment
echo ~ ~/x a=~/y
x=~/z
echo "\$ \` \" \\ \a"
