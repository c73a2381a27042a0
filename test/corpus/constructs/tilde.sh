echo ~ ~/x ~user ~user/x ~+ ~- ~+/x ~1 ~-2
a=~/x
b=~
c=x:~/y:~user/z
d=x~/y
export e=~/z
echo x~ ~x~ "~" '~' \~ "~/x"
echo ${x:-~} ${x:-~/d} ${x#~} "${x:-~}"
echo a=~/x --opt=~/x
PATH=$PATH:~/bin
cd ~ && cd ~/ && cd ~-
[[ $x == ~* ]]
case $x in ~) :;; ~/*) :;; esac
arr=(~ ~/a ~root)
echo ~"$x" ~$x
