# expect: bash=err mvdan=ok
# bash: line 4: syntax error near unexpected token `echo'  (a function body must be a compound command)
# mvdan-sh 0.10.1: accepts a simple command as the body.
f() echo hi
