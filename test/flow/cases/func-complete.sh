set -u
_f() {
  echo "$1 $2 $3"  # @safe 1 2 3
  ( echo "$4" )  # @unsafe 4
  echo "$COMP_CWORD $COMP_LINE $COMP_POINT"  # @safe COMP_CWORD COMP_LINE COMP_POINT
  ( echo "${COMP_WORDS[0]}" )  # @unsafe COMP_WORDS
}
complete -F _f mycmd
compgen -F _f -- x
