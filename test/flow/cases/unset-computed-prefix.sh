set -u
# The names a prefix lists, and those compgen completes, are the ones unset.
A=1
GIT_DIR=x
p_cache=1
unset "${!GIT_@}"
( echo "$GIT_DIR" )  # @unsafe GIT_DIR
unset $(compgen -v p_)
( echo "$p_cache" )  # @unsafe p_cache
echo "$A"  # @safe A
