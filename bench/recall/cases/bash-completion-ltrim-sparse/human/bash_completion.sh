# Helpers of bash_completion and a completion using them, in the style of
# bash-completion 2.11.

# Removes the part up to the last colon from each candidate, for when `:' is
# in COMP_WORDBREAKS and readline only replaces what follows the colon.
# @param $1 current word to complete (cur)
__ltrim_colon_completions()
{
    if [[ $1 == *:* && $COMP_WORDBREAKS == *:* ]]; then
        local colon_word=${1%"${1##*:}"}
        # the filters above may leave holes: close them before counting
        COMPREPLY=("${COMPREPLY[@]}")
        local i=${#COMPREPLY[*]}
        while (( i-- > 0 )); do
            COMPREPLY[i]=${COMPREPLY[i]#"$colon_word"}
        done
    fi
}

# rsync daemon modules, host::module; the ones already given are not offered
_rsync_modules()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local host=${cur%%::*}
    COMPREPLY=($(compgen -W "$host::daily $host::weekly $host::www" -- "$cur"))
    local i word
    for i in "${!COMPREPLY[@]}"; do
        for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
            [[ ${COMPREPLY[i]} == "$word" ]] && unset -v 'COMPREPLY[i]'
        done
    done
    __ltrim_colon_completions "$cur"
}
complete -F _rsync_modules rsync
