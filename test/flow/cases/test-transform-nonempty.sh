set -u
# @env X=|a|ab
# A transform of an unset name is empty (`${X#a}`, `${X:1}`, `${X/a/}`): a test that finds it
# non-empty shows X set. The test's own read stops where X is unset.
( if [[ -n ${X#a} ]]  # @unsafe X
then
  echo "$X"  # @safe X
fi )
( [ -z "${X:1}" ] ||  # @unsafe X
  echo "$X" )  # @safe X
( [[ ${X/a/} == b ]] &&  # @unsafe X
  echo "${X}!" )  # @safe X
