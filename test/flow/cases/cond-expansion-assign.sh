set -u
# @env Y=|set
# Bash evaluates the right side of an arithmetic `&&`/`||` or `[[ && ]]`, an arm of `?:`, and the
# word of `${y:-word}` or `${y:+word}`, only on some runs: what they assign may stay unassigned.
(( 0 && (a = 1) ))
( echo "$a" )  # @unsafe a
: $(( 1 || (b = 1) ))
( echo "$b" )  # @unsafe b
(( t = 0 ? (c = 1) : 2 ))
( echo "$c" )  # @unsafe c
[[ -z "" || $((d = 1)) ]]
( echo "$d" )  # @unsafe d
: "${Y:+${e:=1}}"
( echo "$e" )  # @unsafe e
(( f = 1, g = 2 ))
echo "$f" "$g"  # @safe f g
