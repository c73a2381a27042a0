# expect: bash=ok mvdan=err
# bash: accepts NAME=( ... ) as an argument of eval, after prefix assignments too, and runs it
#   as the array assignment it spells: "eval local args=($OPTS)" (pbuilder) makes args an array
#   of OPTS's words. Not after "command eval", which it rejects.
# mvdan-sh 0.10.1: rejects each, "a command can only contain words and redirects; encountered (".
eval a=(x y)
a=1 eval b=(x)
f() { eval local args=($OPTS) more+=( "$1"
  two ); }
