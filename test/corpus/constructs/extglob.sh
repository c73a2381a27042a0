shopt -s extglob
ls ?(a|b).txt *(x) +(y|z) @(one|two) !(*.bak)
ls !(a|b)/*.@(c|h)
ls *.+([0-9]) file@(.txt|)
ls +(a|*(b|c))
ls @($x|${y}|"lit"|'q')
case $f in
  @(a|b)) echo ab ;;
  +([0-9])) echo number ;;
  !(*.txt)) echo not-txt ;;
  ?(-)+([0-9])) echo signed ;;
  *(x)|@(y)) echo xy ;;
  (@(p|q)) echo paren-form ;;
esac
[[ $f == @(a|b) ]] && [[ $f != !(c) ]]
echo ${f##*(/)} ${f%%+([[:space:]])} ${f//@(a|b)/x} ${f/#?(-)/}
x=@(a|b)
echo "@(quoted)" '!(literal)' \@\(escaped\)
rm -f -- !(keep).log
