# expect: bash=ok mvdan=err
# bash: bash -n accepts every ${…} whose closing } it finds (parse.y, parse_matched_pair); one that
#   is no valid expansion fails only when it runs, with "bad substitution" before it reads any
#   variable (bash -uc 'echo ${x y}' says "bad substitution", not "x: unbound variable"). nounset
#   reads these as opaque words: nothing inside is read or edited.
# mvdan-sh 0.10.1: rejects, "parameter expansion requires a literal", "LitWord cannot be followed by
#   a word", "invalid parameter name", "not a valid parameter expansion operator".
echo ${}
echo ${x y}
echo ${1x} ${10x}
echo ${(M)${(k)parameters[@]}:#__gitcomp_builtin_*}
echo "${BASH_SOURCE[0]:-${(%):-%x}}"
echo ${=x} ${~x} ${^x} ${.sh.version} ${#${x}} ${x!} ${x[1]x}
echo ${(x)'}'} "${(x)"}"}" ${(x)`echo }`} ${(x)$(echo })} ${(x)<(echo })}
