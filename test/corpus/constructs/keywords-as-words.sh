echo if then fi
echo while do done until for in case esac select function time coproc
echo {
echo { }
echo }
echo ! [[ ]] ]] \(\(
a=if b=then c=fi d={ e=}
a=if echo then
x=1 if=2 done=3
echo }x x} {x
{ echo }; }
{ echo } }; }
case if in if) echo if-pattern;; then|fi) echo;; esac
case x in in|esac) echo;; do) echo;; { | }) echo;; esac
case x in (esac) echo;; esac
for in in in; do echo "$in"; done
for do in do; do echo "$do"; done
for done in a; do echo; done
for if in then; do :; done
while in=1; false; do :; done
[[ if == fi ]]
[[ in == case && do != done ]]
[[ -n time ]] && echo "$time"
echo then; echo fi
echo a; then=1
if true; then echo else; fi
echo case x in esac
cat <<if
body of a heredoc delimited by a keyword
if
echo time -p
echo coproc
x=$(echo if then)
"if" true 2>/dev/null; 'fi' 2>/dev/null; \if 2>/dev/null
i\f 2>/dev/null || :
echo a\
if
f() { echo in; }
function function() { :; }
