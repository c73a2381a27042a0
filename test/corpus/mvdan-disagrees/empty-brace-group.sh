# expect: bash=err mvdan=ok
# bash: line 4: syntax error near unexpected token `}'  (a group needs at least one command)
# mvdan-sh 0.10.1: accepts "{ }" as an empty block.
{ }
