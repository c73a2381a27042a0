# expect: bash=ok mvdan=err
# nounset, as bash: parses the script but not the backquoted text of the last three; each is a
#   substitution with no statements and `unparsed` set, with a backquote-syntax-error warning.
# bash: bash -n accepts all four: it only looks for the closing unescaped backquote and parses
#   the text inside when the substitution runs (unlike $( ), which bash 5.2 parses up front).
#   The first runs fine ("\\" becomes "\", so the inner command is: echo \ and it prints \);
#   the other three are syntax errors reported only when they run.
# mvdan-sh 0.10.1: parses the inner text and rejects each: "reached EOF without closing quote `",
#   "reached ` without matching ( with )", '"if" must be followed by a statement list'.
x=`echo \\`
x=`echo $y\`z`
x=`echo $(`
x=`if`
