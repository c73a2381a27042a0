time sleep 0
time -p sleep 0
time
time -p
time { sleep 0; echo a; }
time ( sleep 0 )
time echo a | cat
time -p echo a | cat | cat
! time true
time for i in 1 2; do :; done
time if true; then :; fi
time [[ -n x ]]
time (( 1 + 2 ))
time f() { :; }
time sleep 0 2>/dev/null
time x=1
echo time -p
TIMEFORMAT='%R' time sleep 0
time -p -- sleep 0
time sleep 0 && time -p sleep 0 || time true
