# expect: bash=ok mvdan=err
# bash: bash -n accepts (it is only a run-time error: "a[1]: cannot assign list to array member").
# mvdan-sh 0.10.1: rejects at parse time, "1:6: arrays cannot be nested".
a[1]=(x)
