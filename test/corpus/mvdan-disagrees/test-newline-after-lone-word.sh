# expect: bash=err mvdan=ok
# bash: "line 7: unexpected token `newline', conditional binary operator expected", then it stops
#   reading yet exits 0 (see errors-status-zero/). After a lone word ([[ $a ]] tests -n $a) bash
#   reads the next token as an operator: a newline or a comment is not allowed there, unlike after
#   -n $a, $a == b or `)`. Likewise `[[ $a⏎ ]]` and `[[ ( $a⏎ ) ]]`.
# mvdan-sh 0.10.1: accepts and reads "$a && $b" across the newline.
[[ $a
  && $b ]]
echo never-reached
