# bash completion for deja                                 -*- shell-script -*-
# In the style of the script `deja completion bash` prints.

_deja_completion() {
    local cur prev command action
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev=""
    if (( COMP_CWORD > 0 )); then
        prev="${COMP_WORDS[COMP_CWORD-1]}"
    fi
    command="${COMP_WORDS[1]-}"
    action="${COMP_WORDS[2]-}"

    local commands="last install search show recall doctor completion"
    case "$command" in
        last)
            COMPREPLY=($(compgen -W "--harness --project --since --role" -- "$cur"))
            return 0
            ;;
        install)
            if [[ -z "$action" || "$cur" == "$action" ]]; then
                COMPREPLY=($(compgen -W "claude codex cursor gemini" -- "$cur"))
            fi
            return 0
            ;;
        completion)
            COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
            return 0
            ;;
    esac
    if [[ "$prev" == "--project" ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0
    fi
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
}
complete -F _deja_completion deja
