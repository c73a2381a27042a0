cat <<A <<B
first body (discarded: stdin is replaced by the second)
A
second body
B
cat <<A; cat <<B
body of A
A
body of B
B
paste <(cat) 3<<X 4<<'Y' <<-Z
x body $x
X
y body $y
Y
z body
Z
cat <<A && cat <<B || cat <<C
a
A
b
B
c
C
cat <<A | cat <<B
into the pipe
A
replaces the pipe
B
f <<ONE; g <<TWO &
one
ONE
two
TWO
