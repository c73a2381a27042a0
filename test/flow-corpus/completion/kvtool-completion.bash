# bash completion for kvtool

_kvtool_keys() {
	local dir="${KVTOOL_DIR:-$HOME/.kvtool}"
	local i
	# an explicit -d DIR on the command line wins
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [ "${COMP_WORDS[i]}" = -d ]; then
			dir="${COMP_WORDS[i+1]}"
		fi
	done
	[ -d "$dir" ] || return 0
	(cd "$dir" && compgen -f -- "$1")
}

_kvtool() {
	local cur="${COMP_WORDS[COMP_CWORD]}"
	local prev="${COMP_WORDS[COMP_CWORD-1]}"
	local sub=""
	local i

	if [ "$prev" = -d ]; then
		COMPREPLY=($(compgen -d -- "$cur"))
		return 0
	fi

	for ((i = 1; i < COMP_CWORD; i++)); do
		case "${COMP_WORDS[i]}" in
			-d) ((i++)) ;;
			-*) ;;
			*)
				sub="${COMP_WORDS[i]}"
				break
				;;
		esac
	done

	case "$sub" in
		"")
			COMPREPLY=($(compgen -W "get set del list dump -d -h -V" -- "$cur"))
			;;
		get | del)
			COMPREPLY=($(_kvtool_keys "$cur"))
			;;
		set)
			# only the key is completed, not the value
			if [ $((COMP_CWORD - i)) -eq 1 ]; then
				COMPREPLY=($(_kvtool_keys "$cur"))
			fi
			;;
		list)
			COMPREPLY=()
			;;
	esac
	return 0
}

complete -F _kvtool kvtool
