for x in a b c; do echo "$x"; done
for x; do echo "$x"; done
for x
do
  :
done
for x in; do :; done
while false; do :; done
until true; do :; done
while read -r l; do :; done < in
if true; then :; elif false; then :; else :; fi
for in in in; do echo "$in"; done
echo if then fi do done
