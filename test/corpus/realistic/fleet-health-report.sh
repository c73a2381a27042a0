#!/usr/bin/env bash
# fleet-health -- probe every host in an inventory in parallel and print a
# health table (disk, load, memory, failed units, pending reboots).
#
#   fleet-health [-j PARALLEL] [-t TIMEOUT] [-o text|csv|json] [INVENTORY]
#
# The inventory is one "host [group...]" per line; # starts a comment.
# Results are collected through a coprocess that serialises output lines, so
# parallel probes never interleave half-lines.

set -o errexit -o nounset -o pipefail
shopt -s extglob

parallel=8
timeout=15
format=text
while getopts 'j:t:o:h' opt; do
    case $opt in
        j) parallel=$OPTARG ;;
        t) timeout=$OPTARG ;;
        o) format=$OPTARG ;;
        h) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
inventory=${1:-${FLEET_INVENTORY:-/etc/fleet/hosts}}

[[ $format == @(text|csv|json) ]] || { echo "unknown format: $format" >&2; exit 2; }

declare -a hosts=()
declare -A groups=()
while read -r host rest; do
    [[ -z $host || $host == \#* ]] && continue
    hosts+=("$host")
    groups[$host]=${rest:-ungrouped}
done <"$inventory"
(( ${#hosts[@]} )) || { echo "no hosts in $inventory" >&2; exit 1; }

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"; [[ -n ${COLLECTOR_PID:-} ]] && kill "$COLLECTOR_PID" 2>/dev/null; true' EXIT

# The collector: reads "host<TAB>key<TAB>value" lines and appends them to one
# file per host. Being a single process, it is the only writer.
coproc COLLECTOR {
    while IFS=$'\t' read -r h k v; do
        printf '%s\t%s\n' "$k" "$v" >>"$workdir/$h.tsv"
    done
}
# Keep our own copy of the write end; the coproc array is unset when it exits.
exec {to_collector}>&"${COLLECTOR[1]}"

# The remote part: prints "key value" lines. Sent over ssh on stdin, so it
# is a quoted heredoc read into a variable once.
read -r -d '' REMOTE_PROBE <<'PROBE' || true
set -u
echo "uptime_s $(cut -d. -f1 /proc/uptime)"
read -r l1 l5 l15 _ </proc/loadavg; echo "load1 $l1"; echo "load15 $l15"
echo "cpus $(nproc)"
awk '/^MemTotal/ {t=$2} /^MemAvailable/ {a=$2} END {printf "mem_used_pct %d\n", (t-a)*100/t}' /proc/meminfo
df -P -x tmpfs -x devtmpfs -x overlay | awk 'NR>1 {gsub("%","",$5); if ($5>m) {m=$5; p=$6}} END {print "disk_max_pct", m+0; print "disk_max_mount", p}'
echo "failed_units $(systemctl --failed --no-legend 2>/dev/null | wc -l)"
if [ -f /var/run/reboot-required ]; then echo "reboot_required yes"; else echo "reboot_required no"; fi
echo "kernel $(uname -r)"
PROBE

probe() {
    local host=$1 line key value rc=0
    # 2>&1 via |& so ssh errors become part of the parsed stream.
    while IFS= read -r line; do
        key=${line%% *}
        value=${line#* }
        if [[ $key =~ ^[a-z_0-9]+$ && $line == *' '* ]]; then
            printf '%s\t%s\t%s\n' "$host" "$key" "$value" >&"$to_collector"
        else
            printf '%s\t%s\t%s\n' "$host" error "${line//$'\t'/ }" >&"$to_collector"
        fi
    done < <(timeout "$timeout" ssh -n -o BatchMode=yes -o ConnectTimeout=5 \
        -o StrictHostKeyChecking=accept-new "$host" "bash -c $(printf '%q' "$REMOTE_PROBE")" |& cat; echo "exit_code ${PIPESTATUS[0]}")
    return $rc
}

# Run probes, at most $parallel at once.
running=0
for host in "${hosts[@]}"; do
    probe "$host" &
    (( ++running ))
    if (( running >= parallel )); then
        wait -n || true
        (( running-- ))
    fi
done
wait

# Close our write end; the collector sees EOF and exits.
exec {to_collector}>&-
wait "$COLLECTOR_PID" 2>/dev/null || true
COLLECTOR_PID=''

# --- evaluate ---------------------------------------------------------------
verdict() { # verdict HOST -> "OK" or "WARN: reason; reason"
    local f="$workdir/$1.tsv" k v
    local -A m=()
    [[ -f $f ]] || { echo "DOWN: no data"; return; }
    while IFS=$'\t' read -r k v; do m[$k]=$v; done <"$f"
    local -a issues=()
    [[ ${m[exit_code]:-255} == 0 ]] || issues+=("ssh exit ${m[exit_code]:-?}${m[error]:+ (${m[error]})}")
    (( ${m[disk_max_pct]:-0} >= 90 )) && issues+=("disk ${m[disk_max_pct]}% on ${m[disk_max_mount]:-?}")
    (( ${m[mem_used_pct]:-0} >= 95 )) && issues+=("memory ${m[mem_used_pct]}%")
    (( ${m[failed_units]:-0} > 0 )) && issues+=("${m[failed_units]} failed unit(s)")
    [[ ${m[reboot_required]:-no} == yes ]] && issues+=("reboot required")
    # load15 is a decimal; compare per CPU with awk.
    if awk -v l="${m[load15]:-0}" -v c="${m[cpus]:-1}" 'BEGIN { exit !(l / c > 2) }'; then
        issues+=("load ${m[load15]} on ${m[cpus]} cpus")
    fi
    if (( ${#issues[@]} == 0 )); then
        echo OK
    elif [[ ${m[exit_code]:-255} != 0 ]]; then
        local IFS=';'
        echo "DOWN: ${issues[*]}"
    else
        local IFS=';'
        echo "WARN: ${issues[*]}"
    fi
}

ok=0 warn=0 down=0
case $format in
    text) printf '%-30s %-12s %s\n' HOST GROUP STATUS ;;
    csv) echo 'host,group,status' ;;
    json) printf '[' ;;
esac
sep=''
for host in "${hosts[@]}"; do
    v=$(verdict "$host")
    case $v in
        OK) (( ++ok )) ;;
        WARN*) (( ++warn )) ;;
        DOWN*) (( ++down )) ;;
    esac
    case $format in
        text) printf '%-30s %-12s %s\n' "$host" "${groups[$host]%% *}" "$v" ;;
        csv) printf '%s,%s,"%s"\n' "$host" "${groups[$host]%% *}" "${v//\"/\"\"}" ;;
        json) printf '%s{"host":"%s","status":"%s"}' "$sep" "$host" "${v//\"/\\\"}"; sep=',' ;;
    esac
done
[[ $format == json ]] && printf ']\n'

printf '\n%d ok, %d warning, %d down (of %d)\n' "$ok" "$warn" "$down" "${#hosts[@]}" >&2
(( down == 0 ))
