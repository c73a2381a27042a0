# strings(1) completion                                    -*- shell-script -*-
# In the style of bash-completion's completions/ directory.

_comp_cmd_strings()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}

    case $prev in
        --help | --version | -!(-*)[hv])
            return
            ;;
        --radix | -!(-*)t)
            COMPREPLY=($(compgen -W 'o d x' -- "$cur"))
            return
            ;;
        --encoding | -!(-*)e)
            COMPREPLY=($(compgen -W 's S b l B L' -- "$cur"))
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--all --bytes= --encoding= --radix= --target=
            --include-all-whitespace --output-separator= --help --version' -- "$cur"))
        [[ $COMPREPLY == *= ]] && compopt -o nospace
        return
    fi

    COMPREPLY=($(compgen -f -- "$cur"))
} &&
    complete -F _comp_cmd_strings strings

# ex: filetype=sh
