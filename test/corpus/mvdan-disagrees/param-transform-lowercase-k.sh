# expect: bash=ok mvdan=err
# bash: accepts ${x@k} (new in bash 5.2: like @K but the keys/values as separate words).
#   bash -n also accepts unknown letters such as ${x@Z}; those fail only at run time ("bad substitution").
# mvdan-sh 0.10.1: rejects, "invalid @ expansion operator".
echo ${x@k} "${map[@]@k}"
echo ${x@Z}
