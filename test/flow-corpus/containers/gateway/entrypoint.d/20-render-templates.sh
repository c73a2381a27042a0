#!/bin/sh
# Renders /etc/gateway/templates/*.tmpl into /etc/nginx/conf.d with envsubst,
# substituting only the variables named by GATEWAY_TEMPLATE_VARS (or all GATEWAY_* ones).
set -e

me=$(basename "$0")
template_dir="${GATEWAY_TEMPLATE_DIR:-/etc/gateway/templates}"
output_dir="${GATEWAY_OUTPUT_DIR:-/etc/nginx/conf.d}"

[ -d "$template_dir" ] || exit 0

if [ -z "$GATEWAY_TEMPLATE_VARS" ]; then
	vars=$(env | sed -n 's/^\(GATEWAY_[A-Z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
else
	for v in $GATEWAY_TEMPLATE_VARS; do
		vars="$vars \${$v}"
	done
fi

if [ ! -w "$output_dir" ]; then
	echo "$me: $output_dir is not writable" >&2
	exit 0
fi

for tmpl in "$template_dir"/*.tmpl; do
	[ -e "$tmpl" ] || continue
	out="$output_dir/$(basename "$tmpl" .tmpl)"
	echo "$me: $tmpl -> $out"
	envsubst "$vars" <"$tmpl" >"$out"
	last_rendered="$out"
done

# BUG: last_rendered stays unset when the directory has no templates.
echo "$me: done, last file $last_rendered"
