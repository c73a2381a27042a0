#!/usr/bin/env bash
# logrotate-lite -- rotate application logs on hosts without logrotate
# (minimal containers, appliances). Reads rules from a small INI-like file:
#
#   [/var/log/app/*.log]
#   size = 50M          ; rotate when bigger than this (K, M, G suffixes)
#   keep = 14           ; how many rotated files to keep
#   compress = yes      ; gzip rotated files (except the newest one)
#   copytruncate = yes  ; copy then truncate instead of moving
#   postrotate = kill -HUP $(cat /run/app.pid)
#
# Usage: logrotate-lite [-n] [-f] [-v] [CONFIG]
#   -n  dry run     -f  force rotation     -v  verbose

set -o nounset -o pipefail

dry_run=0 force=0 verbose=0
while getopts nfv opt; do
    case $opt in
        n) dry_run=1 ;;
        f) force=1 ;;
        v) verbose=1 ;;
        *) echo "usage: ${0##*/} [-n] [-f] [-v] [CONFIG]" >&2; exit 2 ;;
    esac
done
shift $(( OPTIND - 1 ))
config=${1:-/etc/logrotate-lite.conf}
state_file=${LOGROTATE_LITE_STATE:-/var/lib/logrotate-lite/state}

vlog() { (( verbose )) && echo "$*"; return 0; }
act() {
    if (( dry_run )); then echo "+ $*"; else "$@"; fi
}

# to_bytes 50M -> 52428800
to_bytes() {
    local v=${1^^} n unit
    [[ $v =~ ^([0-9]+)([KMG]?)B?$ ]] || { echo "bad size: $1" >&2; return 1; }
    n=${BASH_REMATCH[1]}
    unit=${BASH_REMATCH[2]}
    case $unit in
        K) echo $(( n * 1024 )) ;;
        M) echo $(( n * 1024 ** 2 )) ;;
        G) echo $(( n * 1024 ** 3 )) ;;
        '') echo "$n" ;;
    esac
}

file_size() {
    stat -c %s -- "$1" 2>/dev/null || stat -f %z -- "$1"
}

# Rules are kept in parallel associative arrays keyed by the glob.
declare -a globs=()
declare -A r_size r_keep r_compress r_copytruncate r_postrotate r_minage

parse_config() {
    local line key value section='' lineno=0
    while IFS= read -r line || [[ -n $line ]]; do
        (( lineno++ ))
        # Strip comments (";" or "#") and surrounding blanks.
        line=${line%%[;#]*}
        line=${line#"${line%%[![:space:]]*}"}
        line=${line%"${line##*[![:space:]]}"}
        [[ -z $line ]] && continue

        if [[ $line == \[*\] ]]; then
            section=${line:1:${#line}-2}
            globs+=("$section")
            r_size[$section]=0
            r_keep[$section]=7
            r_compress[$section]=yes
            r_copytruncate[$section]=no
            r_postrotate[$section]=''
            r_minage[$section]=0
            continue
        fi
        [[ -n $section ]] || { echo "$config:$lineno: setting outside a section" >&2; return 1; }
        key=${line%%=*}
        value=${line#*=}
        key=${key%%+([[:space:]])}
        key=${key%"${key##*[![:space:]]}"}
        value=${value#"${value%%[![:space:]]*}"}
        case ${key,,} in
            size) r_size[$section]=$(to_bytes "$value") || return 1 ;;
            keep) r_keep[$section]=$value ;;
            compress) r_compress[$section]=${value,,} ;;
            copytruncate) r_copytruncate[$section]=${value,,} ;;
            postrotate) r_postrotate[$section]=$value ;;
            minage) r_minage[$section]=$value ;;
            *) echo "$config:$lineno: unknown key '$key'" >&2; return 1 ;;
        esac
    done <"$config"
}

# Shift file.1 -> file.2 ... up to keep, dropping the oldest.
shift_generations() {
    local f=$1 keep=$2 i src dst ext
    for (( i = keep - 1; i >= 1; i-- )); do
        for ext in '' .gz; do
            src="${f}.${i}${ext}"
            dst="${f}.$(( i + 1 ))${ext}"
            [[ -e $src ]] && act mv -f -- "$src" "$dst"
        done
    done
    act rm -f -- "${f}.$(( keep + 1 ))" "${f}.$(( keep + 1 )).gz" "${f}.${keep}.gz.tmp"
}

rotate_file() {
    local f=$1 rule=$2 size limit
    size=$(file_size "$f") || return 0
    limit=${r_size[$rule]}
    if (( ! force && size < limit )); then
        vlog "skip $f (${size} < ${limit} bytes)"
        return 1
    fi
    (( size == 0 )) && { vlog "skip empty $f"; return 1; }

    echo "rotating $f (${size} bytes)"
    shift_generations "$f" "${r_keep[$rule]}"

    if [[ ${r_copytruncate[$rule]} == yes ]]; then
        # Some bytes written between cp and truncate are lost; that is the
        # documented trade-off of copytruncate.
        act cp -p -- "$f" "${f}.1"
        if (( ! dry_run )); then : >"$f"; fi
    else
        act mv -- "$f" "${f}.1"
        # Recreate with the same owner and mode.
        act install -m "$(stat -c %a "${f}.1" 2>/dev/null || echo 640)" /dev/null "$f"
    fi

    # Compress the previous generation; keep .1 plain for programs that
    # still have it open.
    if [[ ${r_compress[$rule]} == yes && -e ${f}.2 ]]; then
        act gzip -9 -- "${f}.2"
    fi
    return 0
}

record_state() {
    (( dry_run )) && return 0
    mkdir -p "${state_file%/*}"
    printf '%s %s\n' "$(date +%s)" "$1" >>"$state_file"
    # Keep the state file short.
    if (( $(wc -l <"$state_file") > 1000 )); then
        tail -n 500 "$state_file" >"${state_file}.new" && mv "${state_file}.new" "$state_file"
    fi
}

main() {
    shopt -s nullglob extglob
    [[ -r $config ]] || { echo "cannot read $config" >&2; exit 1; }
    parse_config || exit 1
    local rule f rotated
    for rule in "${globs[@]}"; do
        rotated=0
        # The glob must be expanded here, unquoted, on purpose.
        # shellcheck disable=SC2206
        local -a matches=( $rule )
        vlog "[$rule] ${#matches[@]} file(s)"
        for f in "${matches[@]}"; do
            [[ -f $f && ! -L $f ]] || continue
            [[ $f == *.+([0-9]) || $f == *.gz ]] && continue
            if rotate_file "$f" "$rule"; then
                rotated=1
                record_state "$f"
            fi
        done
        if (( rotated )) && [[ -n ${r_postrotate[$rule]} ]]; then
            echo "postrotate: ${r_postrotate[$rule]}"
            (( dry_run )) || bash -c "${r_postrotate[$rule]}" || echo "postrotate failed for [$rule]" >&2
        fi
    done
}

main
