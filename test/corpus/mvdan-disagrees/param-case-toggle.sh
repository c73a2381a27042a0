# expect: bash=ok mvdan=err
# bash: accepts the undocumented case-toggle operators ${x~} (first character) and ${x~~} (all),
#   with an optional pattern like ^ and , (x=aBc: ${x~} is ABc, ${x~~} is AbC).
# mvdan-sh 0.10.1: rejects, "LitWord cannot be followed by a word".
echo ${x~} ${x~~} ${x~~[a]} "${arr[@]~~}"
