set -u
# `$a` reads element 0. Assigning a new list replaces the whole array, so element 0 is gone unless
# the new words give it; `unset 'a[i]'` with an index that may be 0 removes it.
items=(first second)
items=("${items[@]:5}")
( echo "$items" )  # @unsafe items
queue=(job)
queue=()
( echo "$queue" )  # @unsafe queue
paths=(./a ./b)
paths=("${paths[@]#./}")
echo "$paths"  # @safe paths
stack=(top)
unset 'stack[0]'
( echo "$stack" )  # @unsafe stack
ring=(x y)
unset 'ring[-2]'
( echo "$ring" )  # @unsafe ring
slots=(s0 s1)
i=0
unset 'slots[i]'
( echo "$slots" )  # @unsafe slots
keep=(k0 k1)
unset 'keep[1]'
echo "$keep"  # @safe keep
# `read` and `printf -v` into an element set that element: element 0 only at index 0.
read -r 'lines[1]' <<< "second"
( echo "$lines" )  # @unsafe lines
printf -v 'cells[0]' '%s' first
echo "$cells"  # @safe cells
# `read -a` and `mapfile` replace the whole array: with no input, or an empty line, it has no
# element (bash 5.2 makes it `()`). `unset 'a[@]'` removes every element. An append goes after
# the last element: to index 0 only in an array with none.
fields=(old)
read -r -a fields <<< ""
( echo "$fields" )  # @unsafe fields
rows=(old)
mapfile -t rows < /dev/null
( echo "$rows" )  # @unsafe rows
all=(x y)
unset 'all[@]'
( echo "$all" )  # @unsafe all
sparse=()
sparse[5]=x
sparse+=(y)
( echo "$sparse" )  # @unsafe sparse
dense=()
dense+=(y)
echo "$dense"  # @safe dense
