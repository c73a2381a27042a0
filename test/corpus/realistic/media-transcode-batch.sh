#!/usr/bin/env bash
# transcode-batch -- batch re-encode camera footage for the archive.
#
# Called by the ingest watcher with a fixed positional interface (it predates
# option parsing and other tools depend on it, so do not reorder):
#
#   transcode-batch SRC_DIR DST_DIR CODEC CRF PRESET MAX_HEIGHT AUDIO_KBPS \
#                   THREADS JOBS LOG_LEVEL [NOTIFY_URL] [-- EXTRA_FFMPEG_ARGS...]
#
# e.g.
#   transcode-batch /ingest/2024-05 /archive/2024-05 x265 26 slow 1080 128 4 2 info
set -uo pipefail

if (( $# < 10 )); then
    echo "usage: ${0##*/} SRC DST CODEC CRF PRESET MAX_HEIGHT AUDIO_KBPS THREADS JOBS LOG_LEVEL [NOTIFY_URL] [-- FFMPEG_ARGS...]" >&2
    echo "got $# argument(s): $*" >&2
    exit 64
fi

src_dir=$1
dst_dir=$2
codec=$3
crf=$4
preset=$5
max_height=$6
audio_kbps=$7
threads=$8
jobs=$9
log_level=${10}
notify_url=''
if (( $# >= 11 )) && [[ ${11} != -- ]]; then
    notify_url=${11}
fi

# Everything after a literal "--" is passed to ffmpeg unchanged.
extra_args=()
for (( i = 1; i <= $#; i++ )); do
    if [[ ${!i} == -- ]]; then
        extra_args=("${@:i+1}")
        break
    fi
done

case $codec in
    x264 | h264) vcodec=libx264 container=mp4 ;;
    x265 | hevc) vcodec=libx265 container=mp4 ;;
    av1) vcodec=libsvtav1 container=mkv ;;
    vp9) vcodec=libvpx-vp9 container=webm ;;
    *) echo "unsupported codec '$codec'" >&2; exit 64 ;;
esac

# Numeric parameters: reject anything that is not an integer in range.
let "crf_ok = crf >= 0 && crf <= 63" "h_ok = max_height >= 144" || true
if ! [[ $crf =~ ^[0-9]+$ && $max_height =~ ^[0-9]+$ ]] || (( ! crf_ok || ! h_ok )); then
    echo "bad CRF ($crf) or MAX_HEIGHT ($max_height)" >&2
    exit 64
fi

log() {
    local level=$1
    shift
    local -A rank=([debug]=0 [info]=1 [warn]=2 [error]=3)
    (( ${rank[$level]:-1} >= ${rank[$log_level]:-1} )) || return 0
    printf '%s %-5s [%d] %s\n' "$(date +%T)" "$level" "$BASHPID" "$*" >&2
}

mkdir -p "$dst_dir" || exit 73
shopt -s nullglob nocaseglob globstar

inputs=("$src_dir"/**/*.{mov,mp4,mts,m2ts,avi,mkv})
total=${#inputs[@]}
if (( total == 0 )); then
    log info "nothing to do in $src_dir"
    exit 0
fi
log info "found $total file(s); codec=$vcodec crf=$crf preset=$preset jobs=$jobs threads=$threads"

# probe FILE -> "WIDTH HEIGHT DURATION_SECONDS"
probe() {
    ffprobe -v error -select_streams v:0 \
        -show_entries stream=width,height:format=duration \
        -of default=noprint_wrappers=1:nokey=1 -- "$1" | tr '\n' ' '
}

transcode_one() {
    local in=$1 rel out tmp w h dur
    rel=${in#"$src_dir"/}
    out="$dst_dir/${rel%.*}.$container"
    tmp="${out%.*}.partial.$container"
    if [[ -s $out && $out -nt $in ]]; then
        log debug "up to date: $rel"
        return 0
    fi
    mkdir -p "${out%/*}"
    read -r w h dur < <(probe "$in")
    if [[ -z ${h:-} ]]; then
        log warn "no video stream in $rel; skipping"
        return 0
    fi

    local -a vf=()
    if (( h > max_height )); then
        # Keep the aspect ratio; width must be even for most encoders.
        vf=(-vf "scale=-2:${max_height}")
    fi

    local -a args=(
        -hide_banner -nostdin -y -loglevel error -stats_period 10
        -i "$in"
        -map 0:v:0 -map '0:a?' -map_metadata 0
        -c:v "$vcodec" -crf "$crf" -preset "$preset" -threads "$threads"
        "${vf[@]}"
        -c:a aac -b:a "${audio_kbps}k"
        "${extra_args[@]}"
    )
    [[ $container == mp4 ]] && args+=(-movflags +faststart)
    [[ $vcodec == libx265 ]] && args+=(-tag:v hvc1 -x265-params log-level=error)

    local t0=$SECONDS
    if ffmpeg "${args[@]}" "$tmp" 2>>"$dst_dir/.transcode-errors.log"; then
        mv -f -- "$tmp" "$out"
        touch -r "$in" -- "$out"
        local secs=$(( SECONDS - t0 ))
        local speed=0
        (( secs > 0 )) && speed=$(( ${dur%.*} * 100 / secs ))
        log info "done: $rel (${w}x${h}, ${dur%.*}s) in ${secs}s, speed ${speed:0:-2}.${speed: -2}x"
        return 0
    else
        local rc=$?
        rm -f -- "$tmp"
        log error "ffmpeg exit $rc for $rel"
        return 1
    fi
}

# Simple job pool.
declare -a pids=()
declare -i done_count=0 failed=0 started=0
reap() {
    local pid
    wait -n -p pid 2>/dev/null
    local rc=$?
    (( done_count++ ))
    (( rc == 0 )) || (( failed++ ))
    pids=("${pids[@]/$pid}")
}

for in in "${inputs[@]}"; do
    while (( started - done_count >= jobs )); do
        reap
    done
    transcode_one "$in" &
    pids+=($!)
    (( started++ ))
    log debug "started $! for ${in##*/} ($started/$total)"
done
while (( done_count < started )); do
    reap
done

log info "finished: $(( total - failed ))/$total ok, $failed failed"

if [[ -n $notify_url ]]; then
    curl -fsS -m 10 -H 'Content-Type: text/plain' --data-binary @- "$notify_url" <<EOF >/dev/null || log warn "notify failed"
transcode-batch ${src_dir##*/}: $(( total - failed ))/${total} ok, ${failed} failed
EOF
fi

exit $(( failed > 0 ? 1 : 0 ))
