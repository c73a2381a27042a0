# expect: bash=ok mvdan=err
# mvdan-sh 0.10.1 rejects this file; bash accepts it (bash -n, and it runs).
#
# mvdan-sh says: "reached ) without matching $(( with ))"
#
# A command substitution whose first command is a subshell, written without
# a space: "$((". Bash first tries arithmetic, sees it cannot be, and
# re-parses it as $( (subshell) ... ). POSIX asks authors to add the space;
# old scripts often do not.
count=$((cd /var/log && ls -1) | wc -l)
echo "$count entries"
