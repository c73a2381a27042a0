# expect: bash=err mvdan=ok
# bash: line 4: syntax error near unexpected token `in'  ("in" is a reserved word in command position)
# mvdan-sh 0.10.1: accepts "in" as a command name.
in
