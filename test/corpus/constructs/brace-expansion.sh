echo {a,b} {a,b,c}d x{1,2}y
echo {1..3} {a..e} {01..10} {1..10..2} {z..a..-1} {-3..3}
echo {a,{b,c}} {{a,b},{c,d}} {a,b}{1,2}
echo {,a} {a,} {,} {a}
echo {} { } {a..} {..b}
echo "{a,b}" '{1..3}' \{a,b\} {a\,b}
echo {$x,$y} {${a},${b}} {"a b",c}
echo {a,b}\ c ~/{bin,lib}
mkdir -p dir/{sub1,sub2}/{x,y}
echo a{b,c}d{e,f}g
x={a,b}
echo {a..c}{1..2}
echo ${x}{a,b} {a,b}$x
for i in {1..5}; do :; done
