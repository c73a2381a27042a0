f() { echo f; }
f () { echo f; }
f ( ) { echo f; }
function g { echo g; }
function g() { echo g; }
function g () { echo g; }
h() ( echo subshell-body )
i() if true; then echo if-body; fi
j() while false; do :; done
k() for x; do echo "$x"; done
l() case $1 in a) echo a;; esac
m() [[ -n $1 ]]
n() (( $1 > 0 ))
o() { echo redirected; } > out 2>&1
function p { echo p; } >&2
q() ( echo q ) < in
r()
{
  echo brace-on-next-line
}
function s
{
  :
}
t() {
  local x=1
  u() { echo inner; }
  u
}
my-func() { :; }
my.func() { :; }
my:func() { :; }
_f1() { :; }
f() { :; }; f
f() { :; } && echo defined
function f { :; } ; function f2 { :; }
function f3 { :; } &
f4() { :;}
f5() { return 0; }
function if2() { :; }
function x=y { :; }
