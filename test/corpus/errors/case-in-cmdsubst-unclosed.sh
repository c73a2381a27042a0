# bash -n: line 4: unexpected EOF while looking for matching `)'
# The ")" after the pattern does not close the $( ); "esac" is followed by EOF.
x=$(case a in a) echo;; esac
