# expect: bash=err mvdan=ok
# bash: "line 6: unexpected argument `newline' to conditional binary operator", then it stops
#   reading yet exits 0. A `#` that starts a word inside [[ ]] starts a comment, also after =~
#   (as after == or -n, where mvdan-sh rejects it too); quoted, '#x' is a regex.
# mvdan-sh 0.10.1: accepts and reads the regex "#x".
[[ a =~ #x ]]
echo never-reached
