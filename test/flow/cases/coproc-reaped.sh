set -u
# bash unsets a coprocess's descriptors and process id once it has finished: a read after that
# stops, whichever line the coprocess was started on.
coproc quick { true; }
wait
( echo "${quick[0]}" )  # @unsafe quick
( echo "$quick_PID" )  # @unsafe quick_PID
