#!/bin/sh
# preStop hook: cordon and drain this node before the pod goes away on a spot reclaim.
# NODE_NAME comes from the downward API; DRAIN_TIMEOUT and GRACE_PERIOD are optional.

NODE="$NODE_NAME"
TIMEOUT="${DRAIN_TIMEOUT:-120}"

log() {
	echo "prestop[$NODE]: $1"
}

if [ -z "$NODE" ]; then
	log "NODE_NAME not set, nothing to drain"
	exit 0
fi

reason=$(cat /run/spot/termination-reason 2>/dev/null)
if [ -n "$reason" ]; then
	log "termination notice: $reason"
	notice=1
fi

kubectl cordon "$NODE" || log "cordon failed"

if [ "$notice" = 1 ]; then
	extra="--disable-eviction"
fi

kubectl drain "$NODE" \
	--ignore-daemonsets \
	--delete-emptydir-data \
	--grace-period="${GRACE_PERIOD:-30}" \
	--timeout="${TIMEOUT}s" $extra ||
	log "drain did not finish in ${TIMEOUT}s"

log "done"
