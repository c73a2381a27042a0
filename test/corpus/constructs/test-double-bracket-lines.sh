# Newlines and comments inside [[ ]] where bash allows them (parse.y cond_term skips them before
# a test and after a unary or binary test or a `)`), as bash-completion and pyenv's python-build
# write long conditions.
if [[ -n $a &&
  # the second half needs both
  $a == x ]]; then :; fi
[[ -n $a || # trailing comment after the operator
  -z $b ]]
[[
  -n $a
]]
[[ # a comment first
  -f $file ]]
[[ -n $a # after a unary test
]]
[[ $a == b # after a binary test
  && $c != d ]]
[[ ( -n $a
  ) ]]
[[ (
  # inside a group
  $a == x ) # after the group
]]
[[ !
  -e $path ]]
[[ ! # negated, then a comment
  -e $path ]]
[[ $a =~ ^x # after a regex
]]
[[ -n $a &&

  # blank lines and comments
  # more than one

  -n $b ]]
[[ $x -eq 1 # arithmetic operands
  || $y -gt 2 ]]
[[ -n ${a}&&# glued to the operator
  -n $b ]]
[[ x#y == "$z" ]]
