x=$(case $y in a) echo a;; b) echo b;; esac)
x=$(case $y in (a) echo a;; (b) echo b;; esac)
x="$(case $y in a|b) echo ab;; *) echo other;; esac)"
x=$(
  case $y in
    a) echo a ;;
    *) echo other ;;
  esac
)
x=$(case $y in a) echo $(case $z in b) echo b;; esac);; esac)
x=$(case $y in a) echo "${z%)}" ;; esac)
x=`case $y in a) echo a;; esac`
x=$(case $y in esac)
x=$(case $y in a) esac)
x=$(case $y in a\)) echo paren;; ')') echo paren2;; esac)
x=$(case $y in a) echo a;& b) echo b;;& esac)
echo $( case x in x) echo ;; esac ) "$( case y in (y) : ;; esac )"
x=$(case $y in # comment ) with a paren
  a) echo a;; # ) another
esac)
