echo $x ${x} $1 ${10} $10 $0
echo $@ $* $# $? $$ $! $- "$@" "$*"
echo ${#x} ${#} ${#@}
echo ${x-d} ${x:-d} ${x=d} ${x:=d} ${x+a} ${x:+a} ${x?m} ${x:?m}
echo ${x#p} ${x##p*} ${x%s} ${x%%s*}
echo ${x:-"quoted $y"} ${x:-'single'} ${x:-${y:-z}} ${x:-$(echo c)}
echo "$A  $B" $FOO/$BAR/ $DIR/x/$1
echo ${A:=qwer-zxcv}
echo ${x:-\}} "${x#"$y"}"
