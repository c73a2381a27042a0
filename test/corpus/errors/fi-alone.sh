# bash -n: line 3: syntax error near unexpected token `fi'
echo a
fi
