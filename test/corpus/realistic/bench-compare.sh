#!/usr/bin/env bash
# bench-compare -- run a command N times on two git revisions and compare
# wall-clock timings (min / median / mean / p90 / stddev), hyperfine-style,
# for machines where hyperfine is not installed.
#
#   bench-compare [-n RUNS] [-w WARMUP] [-b BASE_REV] [-p PREPARE_CMD] -- CMD...
#
# Example:
#   bench-compare -n 20 -b origin/main -p 'make -s build' -- ./bin/tool index testdata/
set -euo pipefail

runs=10
warmup=2
base_rev=origin/main
prepare=''
while getopts 'n:w:b:p:' opt; do
    case $opt in
        n) runs=$OPTARG ;;
        w) warmup=$OPTARG ;;
        b) base_rev=$OPTARG ;;
        p) prepare=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ ${1-} == -- ]] && shift
(( $# )) || { echo "bench-compare: no command given" >&2; exit 2; }
cmd=("$@")

(( runs >= 3 )) || { echo "need at least 3 runs" >&2; exit 2; }

# now_us -> microseconds since the epoch, from EPOCHREALTIME (bash 5).
now_us() {
    local t=$EPOCHREALTIME
    echo $(( ${t%.*} * 1000000 + 10#${t#*.} ))
}

# isqrt N -> integer square root (Newton), since bash has no floats.
isqrt() {
    local n=$1 x y
    (( n < 2 )) && { echo "$n"; return; }
    x=$n
    y=$(( (x + 1) / 2 ))
    while (( y < x )); do
        x=$y
        y=$(( (x + n / x) / 2 ))
    done
    echo "$x"
}

# fmt_us 1234567 -> "1.235 s" / "12.3 ms"
fmt_us() {
    local us=$1
    if (( us >= 1000000 )); then
        printf '%d.%03d s' $((us / 1000000)) $(( (us % 1000000) / 1000 ))
    elif (( us >= 1000 )); then
        printf '%d.%d ms' $((us / 1000)) $(( (us % 1000) / 100 ))
    else
        printf '%d µs' "$us"
    fi
}

# measure LABEL -> fills the global array samples_<LABEL>
measure() {
    local label=$1 i t0 t1
    local -n out="samples_${label}"
    out=()
    for (( i = 0; i < warmup; i++ )); do
        "${cmd[@]}" >/dev/null 2>&1 || true
    done
    for (( i = 1; i <= runs; i++ )); do
        t0=$(now_us)
        if ! "${cmd[@]}" >/dev/null 2>&1; then
            echo "command failed on run $i for $label" >&2
            return 1
        fi
        t1=$(now_us)
        out+=( $(( t1 - t0 )) )
        printf '\r  %-8s run %d/%d: %s   ' "$label" "$i" "$runs" "$(fmt_us $(( t1 - t0 )))" >&2
    done
    printf '\n' >&2
}

# stats NAME-OF-ARRAY -> "min median mean p90 stddev" (µs)
stats() {
    local -n arr=$1
    local -a sorted
    mapfile -t sorted < <(printf '%s\n' "${arr[@]}" | sort -n)
    local n=${#sorted[@]} sum=0 sq=0 v mean median p90 idx
    for v in "${sorted[@]}"; do
        (( sum += v ))
    done
    mean=$(( sum / n ))
    for v in "${sorted[@]}"; do
        (( sq += (v - mean) * (v - mean) ))
    done
    if (( n % 2 )); then
        median=${sorted[n / 2]}
    else
        median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 ))
    fi
    idx=$(( (n * 90 + 99) / 100 - 1 ))
    p90=${sorted[idx]}
    echo "${sorted[0]} $median $mean $p90 $(isqrt $(( sq / (n - 1) )))"
}

checkout_and_prepare() {
    local rev=$1
    git checkout -q --detach "$rev"
    if [[ -n $prepare ]]; then
        bash -c "$prepare" >/dev/null
    fi
}

orig_ref=$(git symbolic-ref -q --short HEAD || git rev-parse HEAD)
stashed=false
if ! git diff --quiet || ! git diff --cached --quiet; then
    git stash push -q -m "bench-compare autostash"
    stashed=true
fi
restore() {
    git checkout -q "$orig_ref"
    [[ $stashed == true ]] && git stash pop -q
    return 0
}
trap restore EXIT

head_rev=$(git rev-parse --short "$orig_ref")
base_short=$(git rev-parse --short "$base_rev")
echo "benchmark: ${cmd[*]}"
echo "  base ${base_rev} (${base_short}) vs head ${orig_ref} (${head_rev}); ${runs} runs, ${warmup} warm-up"

declare -a samples_base=() samples_head=()
checkout_and_prepare "$base_rev"
measure base
checkout_and_prepare "$orig_ref"
measure head

read -r b_min b_med b_mean b_p90 b_sd <<<"$(stats samples_base)"
read -r h_min h_med h_mean h_p90 h_sd <<<"$(stats samples_head)"

printf '\n%-6s %12s %12s %12s %12s %12s\n' '' min median mean p90 stddev
for row in base head; do
    if [[ $row == base ]]; then
        set -- "$b_min" "$b_med" "$b_mean" "$b_p90" "$b_sd"
    else
        set -- "$h_min" "$h_med" "$h_mean" "$h_p90" "$h_sd"
    fi
    printf '%-6s %12s %12s %12s %12s %12s\n' "$row" \
        "$(fmt_us "$1")" "$(fmt_us "$2")" "$(fmt_us "$3")" "$(fmt_us "$4")" "± $(fmt_us "$5")"
done

# Change of the median in per-mille, then printed as a percentage.
delta=$(( (h_med - b_med) * 1000 / b_med ))
sign=+
(( delta < 0 )) && sign=- && delta=$(( -delta ))
verdict="no significant change"
# "Significant" when the medians differ by more than both stddevs.
if (( h_med - b_med > b_sd + h_sd )); then
    verdict="SLOWER"
elif (( b_med - h_med > b_sd + h_sd )); then
    verdict="faster"
fi
printf '\nmedian: %s%d.%d%% (%s)\n' "$sign" $((delta / 10)) $((delta % 10)) "$verdict"

[[ $verdict != SLOWER ]]
