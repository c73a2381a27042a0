set -u
# Trap code with no `$` may still read a name: arithmetic reads bare names.
on_usr1() { :; }
trap '(( sig++ )); on_usr1' USR1  # @unsafe sig @bash-line 1
kill -USR1 $$
echo done
