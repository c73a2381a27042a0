set -u
# An eval of computed code may run any function: what one of them unsets may be unset after it.
# One that only assigns (`eval "$name=2"`) runs none.
X=1
Y=1
drop_x() { unset X; }
cmd=drop_x
name=Y
eval "$name=2"
echo "$X $Y"  # @safe X Y
eval "$cmd"
echo "$X"  # @unsafe X
