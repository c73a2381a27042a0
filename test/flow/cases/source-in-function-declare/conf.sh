declare CONF=1
GLOBAL=2
unset A
declare A=3
