while true; do break; done
while false; do :; done
until true; do :; done
until false
do
  break
done
while read -r line; do echo "$line"; done < file
while IFS= read -r -d '' f; do :; done < <(find . -print0)
while (( i < 3 )); do (( i++ )); done
while [[ $i -lt 3 ]]; do i=$((i + 1)); done
while :; do continue 1; break 2; done
while true; false; do :; done
while ! false; do break; done
until [ "$x" = y ]; do x=y; done
while true; do while true; do break 2; done; done
while true; do if true; then break; fi; done
while true; do :; done &
while read -r a; do :; done <<< "$x" | cat
while
  read -r a
do
  echo "$a"
done
until x=1; do :; done
while true;do break;done
