case $x in
  a) echo a ;;
  b|c) echo bc ;;
  (d) echo d ;;
  *.txt|[0-9]*) echo glob ;;
  "q"|'r'|\*) echo quoted ;;
  e) ;;
  *) echo default
esac
case $x in esac
case $x in a) echo;; esac
x=$(case $y in a) echo a;; (b) echo b;; esac)
case if in if) echo;; esac
