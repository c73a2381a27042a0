#!/usr/bin/env bash
# changelog.sh [FROM [TO]] -- prints changelog entries from commit trailers `Changelog: added|fixed|changed`.
set -euo pipefail

from=${1:-$(git describe --tags --abbrev=0)}
to=${2:-HEAD}

declare -a added=() fixed=() changed=()

while IFS=$'\t' read -r sha subject kind; do
	entry="- $subject (${sha:0:8})"
	case "$kind" in
		added) added+=("$entry") ;;
		fixed) fixed+=("$entry") ;;
		changed) changed+=("$entry") ;;
		'') ;;
		*) echo "warning: $sha has unknown Changelog trailer '$kind'" >&2 ;;
	esac
done < <(git log --format=$'%H\t%s\t%(trailers:key=Changelog,valueonly,separator=)' "$from..$to")

print_section() {
	local title=$1
	shift
	[ $# -gt 0 ] || return 0
	printf '### %s\n\n' "$title"
	printf '%s\n' "$@"
	echo
}

print_section Added "${added[@]}"
print_section Fixed "${fixed[@]}"
print_section Changed "${changed[@]}"
