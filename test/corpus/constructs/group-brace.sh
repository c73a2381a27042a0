{ echo a; }
{ echo a; echo b; }
{
  echo multi
  echo line
}
{ echo a; } && { echo b; } || { echo c; }
{ echo a & }
{ echo a; } &
{ { echo nested; }; }
{ echo a; } | { cat; }
{ echo a;}
{ echo a
}
x=1; { x=2; }; echo $x
{ cd /; pwd; } > out 2>&1
{ :; } <<EOF
heredoc on a group
EOF
{ echo a; } ; { echo b; }
{ (echo sub); }
{ echo }; }
{ echo {; }
{ echo a; } {fd}>/dev/null
if true; then { :; }; fi
{ ! false; }
