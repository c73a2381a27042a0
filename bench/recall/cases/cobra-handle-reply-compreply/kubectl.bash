# bash completion for kubectl                              -*- shell-script -*-
# In the style of the completion spf13/cobra generates (legacy "v1" completion).

__kubectl_debug()
{
    if [[ -n ${BASH_COMP_DEBUG_FILE:-} ]]; then
        echo "$*" >> "${BASH_COMP_DEBUG_FILE}"
    fi
}

__kubectl_handle_reply()
{
    __kubectl_debug "${FUNCNAME[0]}"
    local comp
    case $cur in
        -*)
            if [[ $(type -t compopt) = "builtin" ]]; then
                compopt -o nospace
            fi
            local allflags
            if [ ${#must_have_one_flag[@]} -ne 0 ]; then
                allflags=("${must_have_one_flag[@]}")
            else
                allflags=("${flags[*]} ${two_word_flags[*]}")
            fi
            while IFS='' read -r comp; do
                COMPREPLY+=("$comp")
            done < <(compgen -W "${allflags[*]}" -- "$cur")
            if [[ $(type -t compopt) = "builtin" ]]; then
                [[ "${COMPREPLY[0]}" == *= ]] || compopt +o nospace
            fi
            return 0
            ;;
    esac

    while IFS='' read -r comp; do
        COMPREPLY+=("$comp")
    done < <(compgen -W "${commands[*]}" -- "$cur")
}

__start_kubectl()
{
    local cur prev words cword
    COMPREPLY=()
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${words[cword]}
    prev=${words[cword-1]}

    local flags=("--kubeconfig=" "--namespace=" "--context=")
    local two_word_flags=("-n" "-o")
    local must_have_one_flag=()
    local commands=("apply" "get" "logs")
    __kubectl_handle_reply
}

complete -o default -F __start_kubectl kubectl
