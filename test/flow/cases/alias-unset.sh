set -u
# With expand_aliases on, an alias runs its value: `drop` unsets A, `forget B` unsets B, and
# `clean` the C its value names after another command. Without it bash would look for commands
# named so (flow case code-var-command-unset has the same for variables that hold code).
shopt -s expand_aliases
alias drop='unset A' forget=unset
alias clean='true; unset -v C'
A=1
B=1
C=1
D=1
drop
( echo "$A" )  # @unsafe A
forget B
( echo "$B" )  # @unsafe B
clean
( echo "$C" )  # @unsafe C
echo "$D"  # @safe D
