set -u
# Mutual recursion: what g may unset is known only once f's summary is, on a later round.
Y=1
f() {
  unset Y
  if [ "$#" -gt 0 ]; then g; fi
}
g() { f; }
g
echo "$Y"  # @unsafe Y
