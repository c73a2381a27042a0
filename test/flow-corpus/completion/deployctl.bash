# bash completion for deployctl                              -*- shell-script -*-
#   source this file, or drop it into /usr/share/bash-completion/completions/deployctl

_deployctl_environments() {
	local cfg="${DEPLOYCTL_CONFIG:-$HOME/.config/deployctl/config.yaml}"
	[ -r "$cfg" ] || return 0
	sed -n 's/^  \([a-z0-9-]*\):$/\1/p' "$cfg"
}

_deployctl_services() {
	deployctl list --quiet 2>/dev/null
}

_deployctl() {
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion -s || return
	else
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		cur="${COMP_WORDS[COMP_CWORD]}"
		prev="${COMP_WORDS[COMP_CWORD-1]}"
	fi

	local commands="deploy rollback status logs list config help"
	local global_opts="--env --verbose --dry-run --help --version"

	case "$prev" in
		--env | -e)
			COMPREPLY=($(compgen -W "$(_deployctl_environments)" -- "$cur"))
			return
			;;
		--version | --help)
			return
			;;
	esac

	local command i
	for ((i = 1; i < cword; i++)); do
		case "${words[i]}" in
			-*) ;;
			*)
				command="${words[i]}"
				break
				;;
		esac
	done

	# BUG: `local command` leaves it unset when no command word was typed yet.
	case "$command" in
		deploy | rollback | status | logs)
			if [[ "$cur" == -* ]]; then
				COMPREPLY=($(compgen -W "--env --follow --since --tail" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "$(_deployctl_services)" -- "$cur"))
			fi
			;;
		config)
			COMPREPLY=($(compgen -W "get set unset view" -- "$cur"))
			;;
		*)
			if [[ "$cur" == -* ]]; then
				COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "$commands" -- "$cur"))
			fi
			;;
	esac
}

complete -F _deployctl deployctl
