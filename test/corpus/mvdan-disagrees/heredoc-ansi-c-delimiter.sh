# expect: bash=ok mvdan=err
# bash: accepts; the delimiter of <<$'E\tF' is decoded like any $'...' word, so it is E<TAB>F
#   (the line below the body holds a real TAB) and the body is not expanded (the word is quoted).
# mvdan-sh 0.10.1: rejects, "1:5: unclosed here-document 'E\tF'" (it wants the raw text E\tF);
#   with a raw E\tF line instead, bash -n warns "delimited by end-of-file (wanted `E<TAB>F')".
cat <<$'E\tF'
body $x
E	F
echo after
