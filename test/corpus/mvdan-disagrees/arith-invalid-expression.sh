# expect: bash=ok mvdan=err
# bash: bash -n accepts; "((...))" / "$((...))" closed by "))" is arithmetic whatever the text inside,
#   and a bad expression is only a run-time error ("syntax error in expression (error token is "a")").
# mvdan-sh 0.10.1: parses the expression and rejects: "not a valid arithmetic operator: a",
#   "reached ; without matching (( with ))", "+ must be followed by an expression".
((echo a))
((cd /tmp; pwd))
x=$((echo a))
(( 1 2 ))
echo $((1 +)) $(( 1 2 ))
