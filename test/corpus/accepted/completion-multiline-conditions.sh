# Shape of bash-completion's main script: long [[ ]] conditions split over lines, with comments
# between the tests.
_comp_looks_like_path() {
    local cur=$1
    if [[ $cur == ~* ||
        # an absolute path
        $cur == /* ||
        # a relative one that starts with a dot
        $cur == .* ]]; then
        return 0
    fi
    return 1
}

_comp_compgen_filedir() {
    local ext=${1-} dir
    [[
        # nothing to filter on
        -z $ext
    ]] && return 0
    for dir in "${COMP_WORDS[@]}"; do
        if [[ -d $dir && ( # a directory we may read
            -r $dir ) ]]; then
            printf '%s\n' "$dir"
        fi
    done
}
