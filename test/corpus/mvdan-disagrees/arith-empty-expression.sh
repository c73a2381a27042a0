# expect: bash=ok mvdan=err
# bash: accepts; an empty arithmetic expression evaluates to 0 ($(()) and $[] expand to 0,
#   (( )) returns status 1). A bare "let" is also fine for bash -n (at run time: "let: expression expected").
# mvdan-sh 0.10.1: rejects, "$(( must be followed by an expression", "(( must be followed by an
#   expression", "$[ must be followed by an expression", '"let" must be followed by an expression'.
echo $(()) $((   )) $[]
(( ))
let
