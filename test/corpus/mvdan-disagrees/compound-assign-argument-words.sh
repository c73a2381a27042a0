# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: NAME=( ) is taken only in assignments and after declare/local/export/readonly/typeset)
# bash: accepts NAME=( ... ) as an argument of the assignment builtins even after prefix
#   assignments, and also after "eval" and "alias" (the parser keys on the command word);
#   at run time "eval a=(x y)" makes an array.
# mvdan-sh 0.10.1: rejects each, "a command can only contain words and redirects; encountered (".
x=1 declare b=(p q)
eval a=(x y)
a=1 eval b=(x)
alias c=(x)
