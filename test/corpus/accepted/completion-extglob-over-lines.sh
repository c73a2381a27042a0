# Shape of bash-completion's perf completion: an extglob pattern in [[ ]] split over two lines,
# and patterns holding quoted or escaped parentheses.
shopt -s extglob
_perf_subcommands() {
	local prev_skip_opts=$1 cur=${2-}
	if [[ $prev_skip_opts == @(kvm|kmem|mem|lock|sched|
			|data|help|script|test|timechart|trace) ]]; then
		echo "subcommands of $prev_skip_opts"
	fi
	case $cur in
	@(--*|')'|\(*)) echo "an option or a parenthesis" ;;
	+([0-9])) echo number ;;
	esac
}
_perf_subcommands "$@"
