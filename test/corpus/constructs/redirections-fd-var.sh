exec {fd}>out
exec {fd}>>out
exec {fd}<in
exec {fd}<>rw
exec {fd}>&-
exec {fd}<&-
exec {dup}>&2
exec {dup}<&0
echo a >&$fd
echo a >&"$fd"
echo a 1>&${fd}
cat <&$fd
exec {fd}>&"$other"
{fd}>out echo a
echo a {fd}>out
exec {a_1}>out {B}<in
exec {fd}>|out
echo {fd}&>out           # '{fd}' is an argument here: '&>' takes no {var}
echo {fd} >out           # blank before '>': '{fd}' is an argument
echo {fd}x>out           # not a bare {name}: argument '{fd}x'
echo x{fd}>out           # argument 'x{fd}'
cat {fd}<<EOF2
heredoc to a named fd
EOF2
cat {fd}<<<"here-string"
