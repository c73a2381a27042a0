x=`echo a`
x=` echo a `
x=`echo a; echo b`
x=`echo \$HOME`
x=`echo \\\\`
x=`echo '\$HOME'`
x=`echo "$y"`
x=`echo "\$y"`
x="`echo a`"
x="`echo "inner quotes"`"
x="a `echo b` c"
echo `echo a``echo b` pre`echo a`post
x=`echo $(echo cmd)`
x=`echo $((1 + 2))`
x=`echo ${y:-d}`
x=`echo 'single'`
x=`
echo multi
echo line
`
x=`echo a | tr a b`
x=``
x=`echo a # comment inside backquotes`
x=`echo \"`
echo "`echo \"dq in bq in dq\"`"
for i in `seq 3`; do :; done
case `echo a` in a) :;; esac
x=`echo a &`
