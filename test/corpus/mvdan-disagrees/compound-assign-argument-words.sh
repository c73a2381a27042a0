# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: NAME=( ) is taken only in assignments, after declare/local/export/readonly/typeset, and after eval)
# bash: accepts NAME=( ... ) as an argument of the assignment builtins even after prefix
#   assignments, and also after "alias" (the parser keys on the command word); "eval" is in
#   compound-assign-eval-arguments.sh.
# mvdan-sh 0.10.1: rejects each, "a command can only contain words and redirects; encountered (".
x=1 declare b=(p q)
alias c=(x)
