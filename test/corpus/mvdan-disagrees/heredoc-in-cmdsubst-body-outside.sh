# expect: bash=warn mvdan=ok
# bash: exits 0 but warns "command substitution: 1 unterminated here-document" twice: a here-document
#   opened inside $( ) must have its body inside the $( ), so both bodies are empty and the lines
#   "in one", "IN1", "in two", "IN2" are ordinary commands.
# mvdan-sh 0.10.1: accepts silently and reads the next lines as the bodies of IN1 and IN2.
echo $(cat <<IN1) "$(cat <<IN2)"
in one
IN1
in two
IN2
