# bash 5.3's ${ cmd;} and ${|cmd;} (command substitution in the current shell), guarded by a
# version test; bash 5.2 -n accepts them and would say "bad substitution" if it ran them.
if (( BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 3) )); then
  now=${ date +%s;}
  reply=${|REPLY=ok;}
else
  now=$(date +%s)
  reply=ok
fi
echo "$now $reply"
