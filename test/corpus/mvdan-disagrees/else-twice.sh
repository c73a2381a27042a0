# expect: bash=err mvdan=ok
# bash: line 4: syntax error near unexpected token `else'
# mvdan-sh 0.10.1: accepts an if with two else branches.
if true; then :; else :; else :; fi
