# expect: bash=ok mvdan=err
# bash: accepts; after "function NAME" any compound command is the body, so "( echo a )" is a
#   subshell body (declare -f shows the body as { ( echo a ) }).
# mvdan-sh 0.10.1: rejects, '"foo(" must be followed by )' (it takes "(" as the start of "()").
function h2 ( echo a )
function h3 (echo b) > /dev/null
