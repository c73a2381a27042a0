#!/bin/sh
# Sets worker_processes from the cgroup CPU quota unless GATEWAY_WORKER_PROCESSES is given.
# Handles cgroup v2 (cpu.max: "QUOTA PERIOD" or "max PERIOD") and v1 (cfs_quota_us / cfs_period_us).
set -eu

: "${GATEWAY_WORKER_PROCESSES:=}"
conf=/etc/nginx/nginx.conf

if [ -n "$GATEWAY_WORKER_PROCESSES" ]; then
	echo "$(basename "$0"): worker_processes given ($GATEWAY_WORKER_PROCESSES), not tuning"
	exit 0
fi

if [ -f /sys/fs/cgroup/cpu.max ]; then
	read -r quota period </sys/fs/cgroup/cpu.max
elif [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
	quota=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)
	period=$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)
fi

ncpu=$(getconf _NPROCESSORS_ONLN)
# BUG: quota and period are unset on a host without either cgroup file.
if [ "$quota" != max ] && [ "$quota" -gt 0 ] 2>/dev/null; then
	limit=$(( (quota + period - 1) / period ))
	if [ "$limit" -lt "$ncpu" ]; then
		ncpu=$limit
	fi
fi

if ! grep -q '^worker_processes' "$conf"; then
	echo "$(basename "$0"): no worker_processes line in $conf" >&2
	exit 0
fi
sed -i "s/^worker_processes.*/worker_processes $ncpu;/" "$conf"
echo "$(basename "$0"): worker_processes $ncpu"
