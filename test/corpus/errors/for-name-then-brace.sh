# bash -n: line 3: syntax error near unexpected token `{'
# ("for x; { :; }" and "for x<newline>{ :; }" are fine: "{" is only a keyword in command position.)
for x { :; }
