f() { echo f; }
g () { echo g; } > out
h() ( echo h )
i()
{
  :
}
j() if true; then :; fi
echo a > out 2>&1
echo a >> out
echo a >| out
cat < in 3<&0 4>&-
cat <> rw
> out echo a
exec 3>&1 1>&2 2>&3 3>&-
{ echo a; } 2>/dev/null
