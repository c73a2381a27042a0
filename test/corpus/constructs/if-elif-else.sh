if true; then echo a; fi
if true; then echo a; else echo b; fi
if false; then echo a; elif true; then echo b; elif false; then :; else echo c; fi
if true
then
  echo a
elif false
then
  echo b
else
  echo c
fi
if ! true; then :; fi
if true && false || true; then :; fi
if true; false; then :; fi
if [ -n "$x" ]; then :; fi
if [[ -n $x ]]; then :; fi
if (( x > 1 )); then :; fi
if (true); then :; fi
if { true; }; then :; fi
if echo a | grep -q a; then :; fi
if if true; then true; fi; then echo nested-in-condition; fi
if true; then if false; then :; else :; fi; fi
if true; then
  :
fi && echo after || echo otherwise
if true; then :; fi; if true; then :; fi
if true; then :; fi > out 2>&1
if true;then :;fi
if	true	;	then	:	;	fi
if x=1; then echo $x; fi
if case x in x) true;; esac; then :; fi
if
  true
then :
fi
