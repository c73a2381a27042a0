set -u
# The unsets of code eval builds, whatever the quoting: the words' own expansions (`$name`) and
# escaped ones (`\$v`, expanded when eval runs the code) both unset a name the variable holds; an
# unset after `&&` in that code may happen, one in a subshell does not leave it.
a=1 b=1 c=1 d=1 e=1 f=1
name=a
eval unset "$name"
( echo "$a" )  # @unsafe a
v=b
eval "unset \$v"
( echo "$b" )  # @unsafe b
w=c
eval "unset \"\${w}\""
( echo "$c" )  # @unsafe c
y=e
eval "[ -n \"\$$y\" ] && unset $y"
( echo "$e" )  # @unsafe e
eval "( unset f )"
echo "$f"  # @safe f
x=d
eval "unset '$x'"
( echo "$d" )  # @unsafe d
