# expect: bash=ok mvdan=err
# mvdan-sh 0.10.1 rejects this file; bash accepts it (bash -n, and it runs).
#
# mvdan-sh says: "not a valid arithmetic operator: notes"
#
# An unquoted associative-array key containing a blank, both in a compound
# assignment and in an expansion. Bash treats [x y] as the single key "x y";
# mvdan-sh tries to read "x y" as arithmetic.
declare -A labels=([release notes]=docs [bug fix]=fix [new feature]=feat)
echo "${labels[bug fix]}"
