# bash -n: line 3: syntax error near unexpected token `do'
# An assignment word before "select" makes "select" an ordinary command name, so "do" is unexpected.
PS3='pick: ' select x in a; do break; done
