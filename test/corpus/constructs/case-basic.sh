case $x in a) echo a;; esac
case $x in
  a) echo a ;;
  b|c) echo b-or-c ;;
  (d) echo paren-form ;;
  (e|f) echo paren-form-alternatives ;;
  "quoted"|'single'|\*) echo quoted-patterns ;;
  $y|${z}|$(echo w)) echo expanded-patterns ;;
  [0-9]*|?) echo glob-patterns ;;
  *.txt | *.md ) echo blanks-around ;;
  empty) ;;
  also-empty)
    ;;
  multi)
    echo one
    echo two
    ;;
  last) echo no-terminator-on-last
esac
case $x in esac
case $x in (a) esac
case $x in a) ;; esac
case "$x" in *) echo all;; esac
case x in x) echo;;esac
case x in x)echo;;esac
case $x
in
  a) echo
esac
case $x in a) echo a;; b) echo b;; *) echo other;; esac
case $x in
  a) case $y in b) echo nested;; esac ;;
esac
case $x in a) { echo group; } ;; b) ( echo sub ) ;; esac
case $x in a) if true; then :; fi;; esac
case $x in a) echo ;; esac > out 2>&1
case $x in (a|b) ;; ('c') echo ;; esac
case $x in ~|~/x) echo tilde;; esac
case $x in '') echo empty-string;; esac
case $x in "") echo;; "$y"*) echo;; esac
case $x in a\)) echo escaped-paren;; 'b)') echo quoted-paren;; esac
