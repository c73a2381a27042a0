#!/usr/bin/env bash
# Labels this node with hardware facts (CPU flags, GPU, NIC speed) every INTERVAL seconds.
# Runs in a DaemonSet; NODE_NAME from the downward API.
set -euo pipefail

[ -n "${INTERVAL:-}" ] || INTERVAL=300
[ -n "${LABEL_PREFIX:-}" ] || LABEL_PREFIX=hw.example.com
: "${ONESHOT:=false}"
: "${NODE_NAME:?NODE_NAME must come from the downward API}"

declare -A labels

cpu_labels() {
	local flags
	flags=$(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2)
	local f
	for f in avx2 avx512f sha_ni aes; do
		if [[ " $flags " == *" $f "* ]]; then
			labels["$LABEL_PREFIX/cpu-$f"]=true
		fi
	done
	labels["$LABEL_PREFIX/cpu-model"]=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2 | tr -cs 'A-Za-z0-9' '-' | sed 's/^-//; s/-$//' | cut -c1-63)
}

gpu_labels() {
	local count
	count=$(lspci -nn 2>/dev/null | grep -ci 'vga\|3d controller' || true)
	labels["$LABEL_PREFIX/gpu-count"]=$count
}

nic_labels() {
	local iface speed max=0
	for iface in /sys/class/net/*; do
		[ -e "$iface/device" ] || continue
		speed=$(cat "$iface/speed" 2>/dev/null || echo 0)
		if [ "$speed" -gt "$max" ]; then
			max=$speed
		fi
	done
	labels["$LABEL_PREFIX/nic-max-mbps"]=$max
}

apply_labels() {
	local args=() key
	for key in "${!labels[@]}"; do
		args+=("$key=${labels[$key]}")
	done
	kubectl label node "$NODE_NAME" --overwrite "${args[@]}" >/dev/null
	echo "$(date -u +%FT%TZ) labeled $NODE_NAME with ${#args[@]} labels"
}

while true; do
	labels=()
	cpu_labels
	gpu_labels
	nic_labels
	apply_labels
	if [ "$ONESHOT" = true ]; then
		break
	fi
	sleep "$INTERVAL"
done
