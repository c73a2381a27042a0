#!/usr/bin/env bash
# Deletes EBS snapshots tagged Backup=daily older than KEEP days (default 30).
# Dry run unless --apply is given.
set -euo pipefail

source "$(dirname "$0")/lib/notify.sh"

KEEP=30
APPLY=false
REGION="${AWS_REGION:-eu-west-1}"

usage() {
	echo "usage: $(basename "$0") [--keep DAYS] [--apply]" >&2
	exit 2
}

while [[ $# -gt 0 ]]; do
	case "$1" in
		--keep)
			[[ $# -ge 2 ]] || usage
			KEEP=$2
			shift 2
			;;
		--apply)
			APPLY=true
			shift
			;;
		*) usage ;;
	esac
done

cutoff=$(date -u -d "-$KEEP days" +%Y-%m-%dT%H:%M:%S)
deleted=0
kept=0

while read -r id started; do
	if [[ "$started" < "$cutoff" ]]; then
		if $APPLY; then
			aws ec2 delete-snapshot --region "$REGION" --snapshot-id "$id"
		else
			echo "would delete $id ($started)"
		fi
		deleted=$((deleted + 1))
	else
		kept=$((kept + 1))
	fi
done < <(aws ec2 describe-snapshots --region "$REGION" --owner-ids self \
	--filters Name=tag:Backup,Values=daily \
	--query 'Snapshots[].[SnapshotId,StartTime]' --output text)

summary="snapshots: $deleted older than $KEEP days ($($APPLY && echo deleted || echo dry run)), $kept kept"
echo "$summary"
notify INFO "$summary"
