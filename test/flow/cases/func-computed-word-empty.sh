set -u
# An unquoted command word that is empty gives no word: the next word is the command. With RUN
# empty (DRY unset), `$RUN drop` runs drop, which unsets X.
# @env DRY=1
X=1
drop() { unset X; }
RUN=""
[ -n "${DRY:-}" ] && RUN=echo
$RUN drop
echo "$X"  # @unsafe X
