# full-line comment
#!not a shebang here, just a comment
echo a # trailing comment after a blank
echo a#b            # '#' inside a word is literal: one word a#b
echo a\ #b          # escaped blank: '#' is not after a blank, one word 'a #b'
echo "a # b" 'c # d' # quoted '#' is literal
echo ${#x} $# ${#} ${#@} ${#a[@]}   # length / count forms are not comments
echo ${x#pre} ${x##*/}              # '#' as a prefix-removal operator
echo $((16#ff)) $((2#101))          # '#' in an arithmetic base
echo x#                             # '#' at the end of a word
echo #
echo \# \#x "#"                     # escaped '#'
a=1#2 b=#c                          # '#' right after '=' is still inside the word
echo $(echo hi # comment inside command substitution
)
echo `echo hi # comment inside backquotes`
f() { # comment after brace
  : # comment in body
} # comment after closing brace
case $x in # comment after 'in'
  # comment before a pattern
  a) echo a ;; # comment after ;;
esac # comment after esac
if true; then # c
  :
fi #c
arr=( # comment inside a compound array assignment
  one # first
  two
)
cat <<EOF2 # comment after heredoc operator
# not a comment: heredoc body
EOF2
echo ${x:-#not a comment} "${y/#a/b}"
#
