# expect: bash=ok mvdan=err
# mvdan-sh 0.10.1 rejects this file; bash accepts it (bash -n, and it runs).
#
# mvdan-sh says: "cannot negate a command multiple times"
#
# "! ! cmd" turns any exit status into 0/1 (1 when cmd failed), which some
# scripts use to normalise a status. Bash allows the repeated "!".
! ! grep -q '^ready$' /run/app/status
echo "normalised status: $?"
