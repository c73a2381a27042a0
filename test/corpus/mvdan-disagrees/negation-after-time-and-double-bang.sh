# expect: bash=ok mvdan=err
# bash: accepts all three ("time" may prefix a negated pipeline; "!" may be repeated, each one flips the status).
# mvdan-sh 0.10.1: rejects: 'time ! true' -> '"!" can only be used in full statements' (same with time -p),
#   '! ! true' -> 'cannot negate a command multiple times'.
time ! true
time -p ! true
! ! true
