# expect: bash=ok mvdan=err
# bash: accepts; parameter expansion happens before the arithmetic is parsed, so an expansion can
#   supply the variable being assigned (x=y: "(( ${x} = 1 ))" sets y) or a base (b=2: $((${b}#11)) is 3).
# mvdan-sh 0.10.1: rejects, "= must follow a name" and "not a valid arithmetic operator: #".
(( ${x} = 1 ))
(( $x += 1 ))
echo $((${b}#11)) $(($b#11))
