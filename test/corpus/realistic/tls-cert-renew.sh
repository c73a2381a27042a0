#!/usr/bin/env bash
# cert-renew -- keep the internal TLS certificates fresh.
#
# For every *.conf in /etc/cert-renew.d/ (one certificate each), check the
# current certificate's expiry, and when fewer than RENEW_DAYS remain:
# generate a new key + CSR, get it signed by the internal CA (step-ca via
# `step ca sign`, or a local openssl CA as fallback), install it atomically
# and reload the services listed in the config.
#
# A config file looks like:
#   name=api.internal.example
#   sans=(api.internal.example api-v2.internal.example 10.20.0.15)
#   key_type=ec             # ec or rsa
#   owner=root:haproxy
#   reload=(haproxy nginx)
#   days=90
set -Eeuo pipefail

CONF_DIR=${CERT_RENEW_CONF_DIR:-/etc/cert-renew.d}
CERT_DIR=${CERT_RENEW_CERT_DIR:-/etc/ssl/internal}
RENEW_DAYS=${RENEW_DAYS:-21}
CA_DIR=${CA_DIR:-/etc/ssl/internal-ca}
FORCE=${FORCE:-0}

renewed=()
errors=()

log() { logger -t cert-renew -- "$*" 2>/dev/null || true; printf '%s\n' "$*"; }

days_left() { # days_left CERTFILE -> integer (negative when expired)
    local end end_s
    end=$(openssl x509 -noout -enddate -in "$1" 2>/dev/null) || { echo -1; return; }
    end=${end#notAfter=}
    end_s=$(date -d "$end" +%s)
    echo $(( (end_s - $(date +%s)) / 86400 ))
}

# Are the SANs in the current cert the ones we want? Returns 1 on mismatch.
sans_match() {
    local cert=$1
    shift
    local current want
    current=$(openssl x509 -noout -ext subjectAltName -in "$cert" 2>/dev/null |
        tail -n +2 | tr ',' '\n' | sed -E 's/^ *(DNS|IP Address)://' | sort | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    [[ $current == "$want" ]]
}

openssl_config() { # writes an openssl req config for NAME and SANS to stdout
    local name=$1
    shift
    local i=0 d ip=0 dns=0
    cat <<EOF
[req]
prompt             = no
distinguished_name = dn
req_extensions     = ext
[dn]
CN = ${name}
O  = Example Internal
[ext]
basicConstraints = critical, CA:FALSE
keyUsage         = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName   = @alt
[alt]
EOF
    for d in "$@"; do
        # IPv4 addresses get IP.n entries, everything else DNS.n.
        if [[ $d =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]; then
            echo "IP.$(( ++ip )) = $d"
        else
            echo "DNS.$(( ++dns )) = $d"
        fi
        (( ++i ))
    done
}

new_key() { # new_key TYPE FILE
    case $1 in
        ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$2" ;;
        rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$2" ;;
        *) echo "unknown key_type $1" >&2; return 1 ;;
    esac 2>/dev/null
    chmod 0600 "$2"
}

sign_csr() { # sign_csr CSR CERT DAYS CONFIG
    local csr=$1 crt=$2 days=$3 cfg=$4
    if command -v step >/dev/null && [[ -n ${STEP_CA_URL:-} ]]; then
        step ca sign --not-after="$((days * 24))h" --ca-url "$STEP_CA_URL" \
            --root "$CA_DIR/root.crt" --provisioner "${STEP_PROVISIONER:-renewer}" \
            --provisioner-password-file "$CA_DIR/provisioner.pass" --force "$csr" "$crt"
    else
        openssl x509 -req -in "$csr" -CA "$CA_DIR/ca.crt" -CAkey "$CA_DIR/ca.key" \
            -CAcreateserial -days "$days" -sha256 -extfile "$cfg" -extensions ext -out "$crt" 2>/dev/null
    fi
}

renew_one() {
    local conf=$1
    # Defaults, then the config file (it is trusted: root-owned, 0644).
    local name='' key_type=ec owner=root:root days=90
    local -a sans=() reload=()
    # shellcheck source=/dev/null
    source "$conf"
    [[ -n $name ]] || { errors+=("${conf##*/}: name= is missing"); return 1; }
    (( ${#sans[@]} )) || sans=("$name")

    local crt="$CERT_DIR/$name.crt" key="$CERT_DIR/$name.key" left=-1
    [[ -f $crt ]] && left=$(days_left "$crt")

    if (( FORCE == 0 && left > RENEW_DAYS )) && sans_match "$crt" "${sans[@]}"; then
        log "$name: $left days left, nothing to do"
        return 0
    fi
    log "$name: renewing ($left days left; SANs: ${sans[*]})"

    local work
    work=$(mktemp -d)
    # Local trap: clean the work dir however we leave this function.
    trap 'rm -rf "$work"' RETURN

    openssl_config "$name" "${sans[@]}" >"$work/req.cnf"
    new_key "$key_type" "$work/key.pem"
    openssl req -new -key "$work/key.pem" -config "$work/req.cnf" -out "$work/req.csr"
    sign_csr "$work/req.csr" "$work/cert.pem" "$days" "$work/req.cnf"

    # Sanity: the new key and cert belong together.
    if [[ $(openssl pkey -in "$work/key.pem" -pubout | sha256sum) != \
          $(openssl x509 -in "$work/cert.pem" -noout -pubkey | sha256sum) ]]; then
        errors+=("$name: signed certificate does not match the new key")
        return 1
    fi

    # Full chain for servers that want one file.
    cat "$work/cert.pem" "$CA_DIR/ca.crt" >"$work/fullchain.pem"
    cat "$work/key.pem" "$work/fullchain.pem" >"$work/combined.pem" # haproxy style

    install -d -m 0755 "$CERT_DIR"
    local f dest
    for f in cert.pem:"$crt" key.pem:"$key" fullchain.pem:"$CERT_DIR/$name.fullchain.pem" \
             combined.pem:"$CERT_DIR/$name.pem"; do
        dest=${f#*:}
        install -m 0640 -o "${owner%%:*}" -g "${owner##*:}" "$work/${f%%:*}" "$dest.new"
        mv -f "$dest.new" "$dest"
    done
    renewed+=("$name")

    local svc
    for svc in "${reload[@]}"; do
        if systemctl is-active --quiet "$svc"; then
            systemctl reload "$svc" || errors+=("$name: reload of $svc failed")
        fi
    done
    log "$name: renewed, valid for $(days_left "$crt") days"
}

shopt -s nullglob
confs=("$CONF_DIR"/*.conf)
(( ${#confs[@]} )) || { log "no configs in $CONF_DIR"; exit 0; }

for conf in "${confs[@]}"; do
    # A subshell per certificate would lose renewed/errors; instead catch
    # failures here and carry on with the next one.
    renew_one "$conf" || errors+=("${conf##*/}: renewal failed")
done

if (( ${#renewed[@]} )); then
    log "renewed: ${renewed[*]}"
fi
if (( ${#errors[@]} )); then
    printf 'cert-renew: %s\n' "${errors[@]}" >&2
    exit 1
fi
