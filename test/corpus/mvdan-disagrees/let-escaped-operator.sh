# expect: bash=ok mvdan=err
# bash: accepts; let gets the word after quote removal, "z*=3", and multiplies z by 3
#   ("let 'z*=3'" and "let a\<b" are the same kind of word and mvdan-sh takes those).
# mvdan-sh 0.10.1: rejects, "= must follow a name" (a backslash-escaped "*" breaks its "*=").
let z\*=3
