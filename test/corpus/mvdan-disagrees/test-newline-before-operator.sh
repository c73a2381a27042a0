# expect: bash=err mvdan=ok
# bash: "line 6: unexpected token `newline', conditional binary operator expected", then it stops
#   reading (nothing after is parsed or run) yet exits 0, like every [[ ]] error in bash 5.2
#   (see errors-status-zero/). A newline is allowed after && and || inside [[ ]], not before an operator.
# mvdan-sh 0.10.1: accepts and reads "$a == b" across the newline.
[[ $a
== b ]]
echo never-reached
