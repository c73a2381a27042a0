# Shape of git's contrib/completion/git-completion.bash: one file for bash and zsh, with lines
# that only zsh runs. bash -n accepts them; bash would say "bad substitution" if it ran them.
__gitcomp_builtin_cache=
__git_zsh_reset() {
	if [[ -n ${ZSH_VERSION-} ]]; then
		unset ${(M)${(k)parameters[@]}:#__gitcomp_builtin_*} 2>/dev/null
		local -a words=(${=__git_cmd_line})
		print -r -- ${(j:,:)words}
	else
		unset __gitcomp_builtin_cache
	fi
}

__git_script_dir() {
	dirname -- "${BASH_SOURCE[0]:-${(%):-%x}}"
}

if [ -n "${ZSH_VERSION-}" ]; then
	setopt local_options
	echo "${(%):-%N} ${~pattern}"
fi
