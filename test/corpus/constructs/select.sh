select x in a b c; do echo "$x"; break; done
select x; do break; done
select x in; do break; done
select opt in "$@" quit
do
  case $opt in
    quit) break ;;
    *) echo "$REPLY: $opt" ;;
  esac
done
select f in *.txt; do break; done < /dev/tty
PS3='pick: '; select x in a; do break; done 2>/dev/null || :
select x in "${arr[@]}"; do [[ -n $x ]] && break; done
