# expect: bash=ok mvdan=err
# bash: accepts; when "((" / "$((" is not closed by a matching "))" it re-reads the text as a subshell
#   inside a subshell / a command substitution starting with a subshell, e.g. ((echo a) ) is ( (echo a) ).
# mvdan-sh 0.10.1: commits to arithmetic and rejects: "not a valid arithmetic operator: nested",
#   "reached ) without matching (( with ))".
((echo nested) )
((echo a); (echo b))
((a) )
((true) && (false))
((echo a) | cat)
x=$((echo a) )
x=$((echo a); (echo b))
