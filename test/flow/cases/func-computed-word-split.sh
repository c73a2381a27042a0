set -u
# An unquoted command word is split: `$CMD` with CMD="keep -v" runs keep, which unsets Y. In
# quotes it is one word: "$QUOTED" zap, with QUOTED empty, runs no command named zap.
Y=1
keep() { unset Y; }
CMD="keep -v"
$CMD
echo "$Y"  # @unsafe Y
Z=1
zap() { unset Z; }
QUOTED=
"$QUOTED" zap 2>/dev/null
echo "$Z"  # @safe Z
