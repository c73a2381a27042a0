set -u
# @env WITH=|1
# A whole-array expansion with an operator (`${a[@]#x}`, `${a[@]/#/-I}`, `${a[@]:1}`, `${a[@]@Q}`)
# gives no word for an unset array, as `${a[@]}` does: bash 4.4 and later test set-ness once,
# before any operator. `${#a[@]}` is a length, and stops.
if [ -n "${WITH:-}" ]; then
  dirs=(./src ./lib)
fi
printf '<%s>' "${dirs[@]#./}"  # @safe dirs
printf '<%s>' "${dirs[@]/#/-I}"  # @safe dirs
printf '<%s>' "${dirs[*]%/}"  # @safe dirs
printf '<%s>' "${dirs[@]:1}"  # @safe dirs
printf '<%s>' "${dirs[@]@Q}"  # @safe dirs
printf '<%s>' "${dirs[@]^^}"  # @safe dirs
( echo "${#dirs[@]}" )  # @unsafe dirs
# A scalar's quoting transform stops, as any read of it.
( echo "${dirs@Q}" )  # @unsafe dirs
echo
