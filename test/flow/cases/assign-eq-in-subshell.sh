set -u
( : "${X:=v}" )
echo "$X"  # @unsafe X
