# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: these fail when run; nounset cannot tell what they read, so it leaves the file alone)
# bash: bash -n accepts all of these; each fails only when run: "`$x': not a valid identifier",
#   "${}: bad substitution" (likewise ${x y} and ${1x}); a lone "!" negates an empty pipeline (status 1).
# mvdan-sh 0.10.1: rejects each: "\"for\" must be followed by a literal", "parameter expansion requires a literal",
#   "LitWord cannot be followed by a word", "invalid parameter name", "\"!\" cannot form a statement alone".
for $x in a; do :; done
echo ${}
echo ${x y}
echo ${1x}
!
