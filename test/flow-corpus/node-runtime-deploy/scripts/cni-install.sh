#!/bin/sh
# Copies the CNI plugin binaries and writes the conflist. Runs as an init container.
# Inputs (env): CNI_NET_DIR, CNI_BIN_DIR, MTU, POD_CIDR, KUBERNETES_SERVICE_HOST, SKIP_CNI_BINARIES
set -eu

CNI_BIN_DIR=${CNI_BIN_DIR:-/host/opt/cni/bin}
CNI_NET_DIR=${CNI_NET_DIR:-/host/etc/cni/net.d}
CONF_NAME=10-overlay.conflist

log() {
	echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') cni-install: $*"
}

copy_binaries() {
	for b in /opt/cni/bin/*; do
		name=$(basename "$b")
		case " $SKIP_CNI_BINARIES " in
			*" $name "*)
				log "skipping $name"
				continue
				;;
		esac
		if [ -w "$CNI_BIN_DIR" ]; then
			cp "$b" "$CNI_BIN_DIR/.$name.tmp"
			mv "$CNI_BIN_DIR/.$name.tmp" "$CNI_BIN_DIR/$name"
			copied=$((copied + 1))
		else
			log "$CNI_BIN_DIR is not writeable"
			exit 1
		fi
	done
}

write_conf() {
	tmp="$CNI_NET_DIR/.$CONF_NAME.tmp"
	cat >"$tmp" <<CONF
{
  "cniVersion": "1.0.0",
  "name": "overlay",
  "plugins": [
    {
      "type": "overlay",
      "mtu": ${MTU},
      "ipam": { "type": "host-local", "ranges": [[{ "subnet": "${POD_CIDR}" }]] },
      "kubernetes": { "apiServer": "https://${KUBERNETES_SERVICE_HOST}:${KUBERNETES_SERVICE_PORT:-443}" }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
CONF
	mv "$tmp" "$CNI_NET_DIR/$CONF_NAME"
}

mkdir -p "$CNI_BIN_DIR" "$CNI_NET_DIR"
copied=0
copy_binaries
log "copied $copied binaries to $CNI_BIN_DIR"

if [ -z "${MTU:-}" ]; then
	iface=$(ip -o route get 8.8.8.8 | sed -n 's/.* dev \([^ ]*\).*/\1/p')
	MTU=$(($(cat "/sys/class/net/$iface/mtu") - 50))
fi

write_conf
log "wrote $CNI_NET_DIR/$CONF_NAME (mtu $MTU)"

if [ "${SLEEP:-true}" = true ]; then
	while :; do sleep 3600; done
fi
