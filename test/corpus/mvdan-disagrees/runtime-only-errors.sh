# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: these fail when run; nounset cannot tell what they read, so it leaves the file alone)
# bash: bash -n accepts both; each fails only when run: "`$x': not a valid identifier";
#   a lone "!" negates an empty pipeline (status 1).
# mvdan-sh 0.10.1: rejects each: "\"for\" must be followed by a literal", "\"!\" cannot form a statement alone".
# (${}, ${x y} and ${1x} are no longer here: see param-bad-substitution.sh.)
for $x in a; do :; done
!
