# bash completion for tern                                   -*- shell-script -*-
#
# Install: copy to /usr/share/bash-completion/completions/tern
#      or: source <(tern completion bash)
#
# Works with and without the bash-completion package: when
# _init_completion is missing we fall back to splitting COMP_WORDS ourselves.

_tern_global_opts="--help --version --config --profile --output --no-color --verbose --quiet"
_tern_commands="init plan apply destroy state workspace fmt validate login logout completion help"

# Subcommands of the commands that have them.
declare -gA _tern_subcommands=(
    [state]="list show mv rm pull push"
    [workspace]="list new select delete show"
    [completion]="bash zsh fish"
)

# Options per command; a trailing "=" means the option takes a value.
declare -gA _tern_command_opts=(
    [init]="--backend-config= --upgrade --reconfigure --plugin-dir="
    [plan]="--out= --var= --var-file= --target= --destroy --refresh-only --parallelism="
    [apply]="--auto-approve --var= --var-file= --target= --parallelism= --replace="
    [destroy]="--auto-approve --target= --var-file="
    [fmt]="--check --diff --recursive --write="
    [validate]="--json --no-tests"
    [login]="--token= --hostname="
)

__tern_debug() {
    if [[ -n ${BASH_COMP_DEBUG_FILE-} ]]; then
        echo "$*" >>"$BASH_COMP_DEBUG_FILE"
    fi
}

# Prints workspace names; cached for 10 seconds because `tern workspace list`
# may talk to a remote backend.
__tern_workspaces() {
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/tern/workspaces.$$"
    if [[ -f $cache ]] && (( $(date +%s) - $(stat -c %Y "$cache" 2>/dev/null || echo 0) < 10 )); then
        cat "$cache"
        return
    fi
    mkdir -p "${cache%/*}" 2>/dev/null
    command tern workspace list 2>/dev/null | sed 's/^[* ]*//' | tee "$cache" 2>/dev/null
}

__tern_state_addresses() {
    command tern state list 2>/dev/null
}

# Finds the command word (first non-option word after "tern"), skipping the
# values of global options that take one.
__tern_find_command() {
    local i word
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word=${COMP_WORDS[i]}
        case $word in
            --config | --profile | --output) (( i++ )) ;;
            -*) ;;
            *)
                printf '%s %d\n' "$word" "$i"
                return 0
                ;;
        esac
    done
    return 1
}

_tern() {
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s -n =: || return
    else
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        if [[ $cur == --*=* ]]; then
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi
    __tern_debug "cur=[$cur] prev=[$prev] cword=$cword words=${words[*]}"

    # Values for options.
    case $prev in
        --config | --var-file | --backend-config | --out)
            _filedir 2>/dev/null || COMPREPLY=( $(compgen -f -- "$cur") )
            return
            ;;
        --plugin-dir)
            COMPREPLY=( $(compgen -d -- "$cur") )
            return
            ;;
        --output | -o)
            COMPREPLY=( $(compgen -W "text json yaml table" -- "$cur") )
            return
            ;;
        --profile)
            local profiles
            profiles=$(sed -n 's/^\[profile \(.*\)\]$/\1/p' ~/.config/tern/credentials 2>/dev/null)
            COMPREPLY=( $(compgen -W "$profiles" -- "$cur") )
            return
            ;;
        --target | --replace)
            COMPREPLY=( $(compgen -W "$(__tern_state_addresses)" -- "$cur") )
            return
            ;;
        --parallelism)
            COMPREPLY=( $(compgen -W "{1..16}" -- "$cur") )
            return
            ;;
    esac
    [[ $split == true ]] && return

    local found cmd cmd_index
    if ! found=$(__tern_find_command); then
        # Still completing the command itself.
        if [[ $cur == -* ]]; then
            COMPREPLY=( $(compgen -W "$_tern_global_opts" -- "$cur") )
        else
            COMPREPLY=( $(compgen -W "$_tern_commands" -- "$cur") )
        fi
        return
    fi
    read -r cmd cmd_index <<<"$found"

    # Subcommand position?
    if [[ -n ${_tern_subcommands[$cmd]-} ]] && (( cword == cmd_index + 1 )); then
        COMPREPLY=( $(compgen -W "${_tern_subcommands[$cmd]}" -- "$cur") )
        return
    fi

    case $cmd in
        workspace)
            case ${words[cmd_index+1]-} in
                select | delete | show)
                    COMPREPLY=( $(compgen -W "$(__tern_workspaces)" -- "$cur") )
                    ;;
            esac
            return
            ;;
        state)
            case ${words[cmd_index+1]-} in
                show | mv | rm)
                    # Addresses contain dots and brackets; complete them whole.
                    local IFS=$'\n'
                    COMPREPLY=( $(compgen -W "$(__tern_state_addresses)" -- "$cur") )
                    ;;
            esac
            return
            ;;
        help)
            COMPREPLY=( $(compgen -W "$_tern_commands" -- "$cur") )
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        local opts=${_tern_command_opts[$cmd]-}
        COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
        # Do not add a space after options that take a value.
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        return
    fi

    # Positional argument of plan/apply: a saved plan file or a directory.
    case $cmd in
        apply) _filedir 'plan' 2>/dev/null || COMPREPLY=( $(compgen -f -X '!*.plan' -- "$cur") ) ;;
        init | plan | validate | fmt) COMPREPLY=( $(compgen -d -- "$cur") ) ;;
    esac
} &&
    complete -F _tern -o bashdefault -o default tern

# The short alias many people define.
if alias tn >/dev/null 2>&1 || type -P tn >/dev/null; then
    complete -F _tern -o bashdefault -o default tn
fi

# ex: filetype=sh
