# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: nounset reads what a substitution runs, so it must parse the inside of backquotes; a script it cannot read is left alone)
# bash: bash -n accepts all four: it only looks for the closing unescaped backquote and parses
#   the text inside when the substitution runs (unlike $( ), which bash 5.2 parses up front).
#   Line 8 runs fine ("\\" becomes "\", so the inner command is: echo \ and it prints \);
#   lines 9 to 11 are syntax errors reported only when they run.
# mvdan-sh 0.10.1: parses the inner text and rejects each: "reached EOF without closing quote `",
#   "reached ` without matching ( with )", '"if" must be followed by a statement list'.
x=`echo \\`
x=`echo $y\`z`
x=`echo $(`
x=`if`
