# Minimal rc helpers, sourced by the init scripts. POSIX sh.

RC_COLOR_OK=""
RC_COLOR_FAIL=""
RC_COLOR_OFF=""
if [ -t 1 ] && [ "${TERM:-dumb}" != dumb ]; then
	RC_COLOR_OK=$(printf '\033[32m')
	RC_COLOR_FAIL=$(printf '\033[31m')
	RC_COLOR_OFF=$(printf '\033[0m')
fi

ebegin() {
	printf ' * %s ... ' "$*"
}

eend() {
	if [ "$1" -eq 0 ]; then
		printf '%s[ ok ]%s\n' "$RC_COLOR_OK" "$RC_COLOR_OFF"
	else
		printf '%s[ !! ]%s\n' "$RC_COLOR_FAIL" "$RC_COLOR_OFF"
		[ -n "$2" ] && printf '   %s\n' "$2"
	fi
	return "$1"
}

pidof_file() {
	[ -r "$1" ] && read -r pid <"$1" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

checkpath() {
	# checkpath DIR OWNER MODE
	[ -d "$1" ] || mkdir -p "$1"
	chown "$2" "$1"
	chmod "$3" "$1"
}
