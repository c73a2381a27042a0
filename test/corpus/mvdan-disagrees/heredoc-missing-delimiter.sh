# expect: bash=warn mvdan=err
# bash: exits 0 with only a warning: "line 5: warning: here-document at line 4 delimited by end-of-file (wanted `EOF')".
# mvdan-sh 0.10.1: rejects, "unclosed here-document 'EOF'".
cat <<EOF
body
