#!/usr/bin/env bash
# Drafts release notes from merged PR titles since the previous tag.
# CONFIG_FILE may point at a file that sets SECTIONS and LABEL_* variables.
set -euo pipefail

CONFIG_FILE="${CONFIG_FILE:-$(dirname "$0")/release-notes.conf}"
if [ -f "$CONFIG_FILE" ]; then
	# shellcheck disable=SC1090
	. "$CONFIG_FILE"
fi

prev_tag=$(git describe --tags --abbrev=0 HEAD^ 2>/dev/null || true)
range="${prev_tag:+$prev_tag..}HEAD"

declare -A buckets=()

while IFS= read -r subject; do
	case "$subject" in
		feat*) key=features ;;
		fix*) key=fixes ;;
		docs*) key=docs ;;
		*) key=other ;;
	esac
	buckets[$key]+="- ${subject}"$'\n'
done < <(git log --merges --pretty='%b' "$range" | grep -v '^$')

printf '# Release notes for %s\n\n' "${RELEASE_NAME:-$(git describe --tags)}"

for section in ${SECTIONS:-features fixes docs other}; do
	title_var="LABEL_${section}"
	[ -n "${buckets[$section]:-}" ] || continue
	printf '## %s\n\n%s\n' "${!title_var:-$section}" "${buckets[$section]}"
done

if [ -z "$prev_tag" ]; then
	echo "_First release._"
fi
