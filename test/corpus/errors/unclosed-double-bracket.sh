# bash -n: line 2: unexpected token `newline', conditional binary operator expected
[[ a
