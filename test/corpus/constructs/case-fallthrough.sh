case $x in
  a) echo a ;&
  b) echo falls-through-from-a ;;
  c) echo c ;;&
  c*) echo tested-again-after-c ;;&
  *) echo catch-all ;;
esac
case $x in a) ;& b) ;;& c) ;; esac
case $x in a) echo;&b) echo;;&c) echo;;esac
case $x in
  a)
    echo a
    ;&
  b)
    ;;&
  *)
esac
case $x in (a) echo ;& (b) echo ;;& (*) echo ;; esac
case $x in a) echo a ;& esac
case $x in a) echo a ;;& esac
