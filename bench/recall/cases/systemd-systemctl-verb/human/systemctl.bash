# shellcheck shell=bash
# systemctl(1) completion                      -*- shell-script -*-
# SPDX-License-Identifier: LGPL-2.1-or-later
# In the style of systemd's shell-completion/bash/systemctl.in (v247).

__systemctl() {
    local mode=$1; shift 1
    systemctl $mode --full --legend=no --no-pager --plain "$@" 2>/dev/null
}

__contains_word () {
    local w word=$1; shift
    for w in "$@"; do
        [[ $w = "$word" ]] && return
    done
}

__get_all_units () { { __systemctl $1 list-unit-files "$2*"; __systemctl $1 list-units --all "$2*"; } \
        | { while read -r a b; do echo " $a"; done; }; }

_systemctl () {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local i verb comps mode cur_orig

    local -A OPTS=(
        [STANDALONE]='--all -a --reverse --after --before --defaults --force -f --full -l --global
                      --help -h --no-ask-password --no-block --legend=no --no-pager --no-reload --no-wall --now
                      --quiet -q --system --user --version --runtime --recursive -r --firmware-setup
                      --show-types --plain --failed --value --fail --dry-run --wait'
               [ARG]='--host -H --kill-who --property -p --signal -s --type -t --state --job-mode --root
                      --preset-mode -n --lines -o --output -M --machine --message --timestamp'
    )

    if __contains_word "--user" ${COMP_WORDS[*]}; then
        mode=--user
    else
        mode=--system
    fi

    if __contains_word "$prev" ${OPTS[ARG]}; then
        case $prev in
            --signal|-s)
                comps=$(compgen -A signal)
                ;;
            --type|-t)
                comps='service socket target device mount automount timer path slice scope'
                ;;
        esac
        COMPREPLY=( $(compgen -W '$comps' -- "$cur") )
        return 0
    fi

    if [[ "$cur" = -* ]]; then
        COMPREPLY=( $(compgen -W '${OPTS[*]}' -- "$cur") )
        return 0
    fi

    local -A VERBS=(
        [ALL_UNITS]='cat mask'
        [ENABLED_UNITS]='disable'
        [DISABLED_UNITS]='enable'
        [REENABLABLE_UNITS]='reenable'
        [FAILED_UNITS]='reset-failed'
        [STARTABLE_UNITS]='start'
        [STOPPABLE_UNITS]='stop condstop kill try-restart condrestart'
        [ISOLATABLE_UNITS]='isolate'
        [RELOADABLE_UNITS]='reload condreload try-reload-or-restart force-reload'
        [RESTARTABLE_UNITS]='restart reload-or-restart'
        [STANDALONE]='daemon-reexec daemon-reload default
                      emergency exit halt hibernate hybrid-sleep
                      suspend-then-hibernate kexec list-jobs list-sockets
                      list-timers list-units list-unit-files poweroff
                      reboot rescue show-environment suspend get-default
                      is-system-running preset-all'
    )

    cur_orig=$cur
    for ((i=0; i < COMP_CWORD; i++)); do
        if __contains_word "${COMP_WORDS[i]}" ${VERBS[*]} &&
                ! __contains_word "${COMP_WORDS[i-1]}" ${OPTS[ARG]}; then
            verb=${COMP_WORDS[i]}
            break
        fi
    done

    if [[ -z ${verb-} ]]; then
        comps="${VERBS[*]}"

    elif __contains_word "$verb" ${VERBS[ALL_UNITS]}; then
        comps=$( __get_all_units $mode "$cur" )
        compopt -o filenames

    elif __contains_word "$verb" ${VERBS[STANDALONE]}; then
        comps=''
    fi

    COMPREPLY=( $(compgen -o filenames -W '$comps' -- "$cur_orig") )
    return 0
}

complete -F _systemctl systemctl
