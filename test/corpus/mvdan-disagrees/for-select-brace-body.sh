# expect: bash=ok mvdan=err
# bash: accepts { ... } in place of do ... done for "for NAME<newline>" and for every select form.
# mvdan-sh 0.10.1: rejects each: '"for foo" must be followed by "in", "do", ;, or a newline' (first one),
#   '"select foo [in words]" must be followed by "do"' (the select ones).
# (It does accept "for x; { :; }", "for x in a b; { :; }" and "for ((;;)) { :; }".)
for x
{ :; }
select x in a b; { break; }
select x; { break; }
select x
{ break; }
