coproc cat
coproc { cat; }
coproc NAMED { cat; }
coproc NAMED2 ( cat )
coproc ( echo unnamed-subshell )
coproc while read -r l; do echo "$l"; done
coproc WHILEC while read -r l; do echo "$l"; done
coproc cat 2>/dev/null
coproc BC { bc -l; } 2>/dev/null
echo hi >&"${COPROC[1]}"
read -r line <&"${COPROC[0]}"
echo "$COPROC_PID ${NAMED[0]} ${NAMED[1]} $NAMED_PID"
wait "$COPROC_PID"
coproc cat && echo started
coproc cat; echo next
coproc cat &
coproc { sleep 0; } 3>&1
