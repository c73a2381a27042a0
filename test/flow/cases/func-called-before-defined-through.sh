set -u
# Through another function, a call before the definition has run still counts as a call.
g() { h 2>/dev/null; }
g
h() { Y=1; }
( echo "$Y" )  # @unsafe Y
