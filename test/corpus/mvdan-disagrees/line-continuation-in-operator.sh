# expect: bash=ok mvdan=err
# nounset: err (stricter than bash -n: a backslash-newline inside a two-character operator is not joined)
# bash: accepts all (backslash-newline is removed before tokenising: "&\<nl>&" is "&&", "|\<nl>|" is "||",
#   ">\<nl>>" is ">>", "$\<nl>(" is "$(").
# mvdan-sh 0.10.1: rejects each on its own: "& can only immediately follow a statement",
#   "| must be followed by a statement", "> must be followed by a word",
#   "a command can only contain words and redirects; encountered (".
true &\
& echo and
true |\
| echo or
true >\
> /dev/null
echo $\
(echo a)
