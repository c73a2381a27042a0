set -u
# A literal value assigned to a name declared integer is arithmetic: bash reads the bare names in
# it (`declare -i total=count+1` stops when count is unset). nounset reads them there too.
# @env count=1
declare -i total=count+1  # @unsafe count
echo "$total"  # @safe total
step=2
declare -i n
n='step*3'  # @safe step
n+=missing  # @unsafe missing
label=count  # a name not declared integer: a string
echo "$label $n"  # @safe label n
