#!/usr/bin/env bash
# deploy.sh -- zero-downtime deploy of a release tarball to a set of hosts
# over ssh, using the "releases/ + current symlink" layout:
#
#   /srv/app/releases/20240131-120501/   one directory per release
#   /srv/app/shared/{.env,storage,logs}  symlinked into every release
#   /srv/app/current -> releases/...     what the service runs
#
# Usage: deploy.sh ENV [--rollback] [--hosts "h1 h2"] [--keep N] [TARBALL]

set -euo pipefail

env_name=${1:?usage: deploy.sh ENV [--rollback] [--hosts "h1 h2"] [--keep N] [TARBALL]}
shift
rollback=0
keep=5
hosts_override=''
tarball=''
while [ $# -gt 0 ]; do
    case $1 in
        --rollback) rollback=1 ;;
        --hosts) hosts_override=$2; shift ;;
        --keep) keep=$2; shift ;;
        *.tar.gz | *.tgz) tarball=$1 ;;
        *) echo "deploy.sh: unexpected argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

# Per-environment settings.
case $env_name in
    staging)
        hosts=(stg-app-1.internal stg-app-2.internal)
        app_user=app
        ;;
    production | prod)
        env_name=production
        hosts=(app-1.internal app-2.internal app-3.internal app-4.internal)
        app_user=app
        ;;
    *) echo "unknown environment: $env_name" >&2; exit 2 ;;
esac
[[ -n $hosts_override ]] && read -r -a hosts <<<"$hosts_override"

base=/srv/app
release=$(date -u +%Y%m%d-%H%M%S)
ssh_opts=(-o BatchMode=yes -o ConnectTimeout=10 -o ServerAliveInterval=15)
deploy_log="deploy-${env_name}-${release}.log"

# Everything printed also goes to the log; keep the terminal on fd 5.
exec 5>&1
exec > >(tee -a "$deploy_log") 2>&1

echo "deploy ${release} to ${env_name}: ${hosts[*]} (shell flags: $-)"

remote() { # remote HOST CMD...  -- runs as the app user
    local host=$1
    shift
    ssh "${ssh_opts[@]}" "${app_user}@${host}" "$@"
}

# Pre-flight: the same checks on each host, sent as one script on stdin.
preflight() {
    local host=$1
    remote "$host" bash -s -- "$base" <<'REMOTE'
set -eu
base=$1
test -d "$base/shared" || { echo "missing $base/shared"; exit 1; }
avail_kb=$(df -Pk "$base" | awk 'NR==2 {print $4}')
if [ "$avail_kb" -lt 1048576 ]; then
    echo "less than 1 GiB free on $(hostname):$base"
    exit 1
fi
systemctl --user is-enabled app.service >/dev/null
REMOTE
}

upload() {
    local host=$1
    # Stream the tarball straight into tar on the other side.
    remote "$host" "mkdir -p '$base/releases/$release' && tar -xzf - -C '$base/releases/$release'" <"$tarball"
}

# Link shared files, run the per-release setup, switch the symlink, restart.
# Two heredocs on one line: the first is the script (stdin of bash), the
# second is the list of shared paths, read by the script on fd 3.
activate() {
    local host=$1
    remote "$host" bash -s -- "$base" "$release" <<EOF 3<<'SHARED'
set -eu
base=\$1 release=\$2
dir=\$base/releases/\$release
while read -r path; do
    [ -n "\$path" ] || continue
    rm -rf "\$dir/\$path"
    ln -s "\$base/shared/\$path" "\$dir/\$path"
done <&3
cd "\$dir"
if [ -x bin/setup ]; then
    APP_ENV=${env_name} bin/setup --no-interaction
fi
ln -sfn "releases/\$release" "\$base/current.tmp"
mv -Tf "\$base/current.tmp" "\$base/current"
systemctl --user restart app.service
EOF
.env
storage
logs
public/uploads
SHARED
}

healthcheck() {
    local host=$1 i code
    for i in {1..20}; do
        code=$(remote "$host" "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/healthz" || true)
        [[ $code == 200 ]] && return 0
        sleep 3
    done
    echo "health check on ${host} failed (last status: ${code:-none})"
    return 1
}

cleanup_old() {
    local host=$1
    # ls -1t sorts newest first; keep the first $keep, never the current one.
    remote "$host" "cd '$base/releases' && current=\$(basename \"\$(readlink -f ../current)\") && ls -1t | tail -n +$((keep + 1)) | grep -vxF \"\$current\" | xargs -r rm -rf --"
}

do_rollback() {
    local host=$1 previous
    previous=$(remote "$host" "ls -1t '$base/releases' | sed -n 2p")
    [[ -n $previous ]] || { echo "no previous release on $host"; return 1; }
    echo "${host}: rolling back to ${previous}"
    remote "$host" "ln -sfn 'releases/$previous' '$base/current.tmp' && mv -Tf '$base/current.tmp' '$base/current' && systemctl --user restart app.service"
}

summary() {
    local rc=$?
    # Heredoc inside a command substitution, for the chat notification.
    local text
    text=$(cat <<MSG
Deploy of ${release} to ${env_name} $( (( rc == 0 )) && echo "succeeded" || echo "FAILED (exit ${rc})" ).
Hosts: ${hosts[*]}
By: ${USER:-unknown} from $(hostname)
MSG
)
    echo "$text" >&5
    if [[ -n ${CHAT_WEBHOOK:-} ]]; then
        curl -fsS -X POST --data-urlencode "text=${text}" "$CHAT_WEBHOOK" >/dev/null || true
    fi
}
trap summary EXIT

if (( rollback )); then
    for h in "${hosts[@]}"; do
        do_rollback "$h"
        healthcheck "$h"
    done
    exit 0
fi

[[ -f $tarball ]] || { echo "TARBALL is required for a deploy" >&2; exit 2; }

for h in "${hosts[@]}"; do
    preflight "$h" || { echo "preflight failed on $h; nothing was changed"; exit 1; }
done

# Upload in parallel, then activate one host at a time.
declare -A upload_pid=()
for h in "${hosts[@]}"; do
    upload "$h" &
    upload_pid[$h]=$!
done
for h in "${!upload_pid[@]}"; do
    wait "${upload_pid[$h]}" || { echo "upload to $h failed"; exit 1; }
done

for h in "${hosts[@]}"; do
    echo "==> ${h}"
    activate "$h"
    if ! healthcheck "$h"; then
        do_rollback "$h"
        exit 1
    fi
    cleanup_old "$h"
done
