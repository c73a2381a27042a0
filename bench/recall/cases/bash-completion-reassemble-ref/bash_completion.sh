# Completion helpers, in the style of bash-completion 2.x's bash_completion.
shopt -s extglob

# Re-assembles the words of the line being completed so that the characters in
# $1 no longer split words: with -n :, `host:/path' stays one word.
# @param $1  characters out of COMP_WORDBREAKS that must not split words
# @param $2  name of the array to return the words in
# @param $3  name of the variable to return the index of the current word in
__reassemble_comp_words_by_ref()
{
    local exclude i j line ref
    [[ $1 ]] && exclude="${1//[^$COMP_WORDBREAKS]}"
    printf -v "$3" %s "$COMP_CWORD"
    if [[ -z $exclude ]]; then
        eval $2=\( \"\${COMP_WORDS[@]}\" \)
        return
    fi
    line=$COMP_LINE
    for (( i = 0, j = 0; i < ${#COMP_WORDS[@]}; i++, j++ )); do
        # a separator glued to the previous word goes onto that word
        while (( i > 0 )) && [[ ${COMP_WORDS[i]} == +([$exclude]) ]]; do
            [[ $line != [[:blank:]]* ]] && (( j >= 2 )) && (( j-- ))
            ref="$2[$j]"
            eval $2[$j]=\${!ref}\${COMP_WORDS[i]}
            (( i == COMP_CWORD )) && printf -v "$3" %s "$j"
            line=${line#*"${COMP_WORDS[i]}"}
            [[ $line == [[:blank:]]* ]] && (( j++ ))
            (( i < ${#COMP_WORDS[@]} - 1 )) && (( i++ )) || break 2
        done
        ref="$2[$j]"
        eval $2[$j]=\${!ref}\${COMP_WORDS[i]}
        line=${line#*"${COMP_WORDS[i]}"}
        (( i == COMP_CWORD )) && printf -v "$3" %s "$j"
    done
}

# Gets the current and previous word, with the word breaks in -n removed.
_get_comp_words_by_ref()
{
    local exclude flag i OPTIND=1 words cword
    while getopts "n:" flag "$@"; do
        case $flag in
            n) exclude=$OPTARG ;;
        esac
    done
    __reassemble_comp_words_by_ref "${exclude-}" words cword
    shift $(( OPTIND - 1 ))
    for i; do
        case $i in
            cur) cur=${words[cword]-} ;;
            prev) prev=${words[cword - 1]-} ;;
        esac
    done
}

_scp_remote_files()
{
    local cur prev
    COMPREPLY=()
    _get_comp_words_by_ref -n : cur prev
    COMPREPLY=( $(compgen -W "/root/ /root.bak/" -- "${cur#*:}") )
}
complete -F _scp_remote_files scp
