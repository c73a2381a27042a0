IFS=' ' read -a v <<< "$S"
cat <<< word
cat <<<word
cat <<< "$x and ${y}"
cat <<< '$x literal'
cat <<< $x$y
cat <<< $(echo cmd)
cat <<< "$(echo cmd)"
cat <<< `echo bq`
cat <<< $((1 + 2))
cat <<< ${arr[@]}
cat <<< "${arr[@]}"
cat <<< $'ansi\tc'
read -r a b <<< "1 2"
read -r -a parts <<<"$PATH"
while read -r l; do :; done <<< "$lines"
cat 3<<< three <&3
cat <<< a <<< b
cat <<< a > out
< /dev/null cat <<< x
tr a b <<< abc | cat
grep -q x <<< "$x" && echo has-x
IFS=: read -r first rest <<< "$PATH"
cat <<< "multi
line"
cat <<< ~/path
cat <<< a\ b
cat <<<'' <<<""
