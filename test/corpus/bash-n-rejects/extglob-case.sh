#!/usr/bin/env bash
# Valid bash that plain `bash -n` rejects: check it with `bash -O extglob -n`.
#
# bash -n says: "syntax error near unexpected token `('"
#
# `bash -n` only parses; it never executes `shopt -s extglob`, so the extglob
# patterns in the case below are parsed as if extglob were off. When the
# script runs, the shopt line executes before the function body is parsed
# and everything works. mvdan-sh parses extglob patterns unconditionally.
shopt -s extglob

# classify ARG -> what kind of argument a CLI received
classify() {
    case $1 in
        +([0-9])) echo "number" ;;
        @(-h|--help)) echo "help flag" ;;
        --+([a-z-])=*) echo "long option with value" ;;
        -[a-zA-Z]) echo "short option" ;;
        !(*.*)) echo "word without a dot" ;;
        *.@(tar.gz|tgz|zip)) echo "archive" ;;
        ?(v)+([0-9]).+([0-9]).+([0-9])) echo "version" ;;
        *) echo "other" ;;
    esac
}

for arg in "$@"; do
    printf '%-20s %s\n' "$arg" "$(classify "$arg")"
done

# Removing every .log file except the current one, extglob style.
cleanup_logs() {
    local dir=$1
    rm -f -- "$dir"/!(current).log
}
