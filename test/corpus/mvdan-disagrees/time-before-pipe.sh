# expect: bash=err mvdan=ok
# bash: line 4: syntax error near unexpected token `|'  ("time" needs a pipeline after it; a bare "time" is fine)
# mvdan-sh 0.10.1: accepts "time | cat".
time | cat
