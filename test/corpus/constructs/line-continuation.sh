echo a\
b                                   # continuation inside a word: one word "ab"
ec\
ho split command name
echo one \
  two \
  three                             # continuation between tokens
x=1\
2                                   # continuation inside an assignment value
arr=\
(one two)                           # continuation between = and ( of an array (byobu-ulevel)
declare -a list=\
(three)
echo $(echo a \
  b) $( \
echo c)                             # continuation inside $( )
echo "first \
second" "\\
not-continued"                      # continuation inside double quotes; "\\" + newline is literal
echo 'single \
quote keeps backslash-newline'
echo ${x\
:-default} ${y:-de\
fault}                              # continuation inside ${ }
echo $\
HOME                                # continuation between $ and the name
echo $((1 +\
2))
if true; \
then echo t; fi
cat <<EOF2
body line \
joined with next line
EOF2
cat <<'EOF3'
quoted body keeps \
backslash-newline
EOF3
echo last\
