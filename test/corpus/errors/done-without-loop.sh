# bash -n: line 3: syntax error near unexpected token `done'
echo a
done
