#!/usr/bin/env bash
# test/run-suite.sh -- tiny TAP-producing test runner for plain-bash test files.
#
# A test file is a bash file that defines functions named test_*; optional
# setup/teardown/setup_file/teardown_file functions run around them, the
# way bats does it. Usage:
#
#   test/run-suite.sh [-j JOBS] [-f FILTER] [-t] [FILE|DIR ...]
#
#   -j JOBS    run up to JOBS test files in parallel (default 1)
#   -f FILTER  only run tests whose name matches the extended regex FILTER
#   -t         print per-test timing
#
# Exit status is the number of failed tests, capped at 125.
set -uo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=test-assertions.bash
source "$HERE/helpers/assertions.bash"

jobs=1
filter=''
timing=false
declare -a files=()

while getopts ':j:f:th' opt; do
    case $opt in
        j) jobs=$OPTARG ;;
        f) filter=$OPTARG ;;
        t) timing=true ;;
        h)
            sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        :) echo "option -$OPTARG needs an argument" >&2; exit 2 ;;
        \?) echo "unknown option -$OPTARG" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

# Collect test files: arguments may be files or directories.
if (( $# == 0 )); then
    set -- "$HERE"
fi
for arg in "$@"; do
    if [[ -d $arg ]]; then
        while IFS= read -r -d '' f; do
            files+=("$f")
        done < <(find "$arg" -type f -name '*_test.sh' -print0 | sort -z)
    elif [[ -f $arg ]]; then
        files+=("$arg")
    else
        echo "no such test file or directory: $arg" >&2
        exit 2
    fi
done
(( ${#files[@]} )) || { echo "no test files found" >&2; exit 2; }

RESULTS_DIR=$(mktemp -d)
trap 'rm -rf -- "$RESULTS_DIR"' EXIT

# list_tests FILE -- prints the test function names defined by FILE, in
# definition order (declare -F sorts alphabetically, so use the line numbers
# from extdebug instead).
list_tests() {
    (
        # shellcheck disable=SC1090
        source "$1" >/dev/null 2>&1 || exit 0
        shopt -s extdebug
        local name line
        for name in $(compgen -A function test_); do
            line=$(declare -F "$name" | awk '{print $2}')
            printf '%s %s\n' "$line" "$name"
        done | sort -n | cut -d' ' -f2
    )
}

is_function() { [[ $(type -t "$1" 2>/dev/null) == function ]]; }

# run_file FILE INDEX -- runs every test in FILE in its own subshell and
# writes "ok"/"not ok" lines (without numbers) to $RESULTS_DIR/INDEX.tap.
run_file() {
    local file=$1 idx=$2 out="$RESULTS_DIR/$2.tap" name t0 t1 rc
    local -a tests
    mapfile -t tests < <(list_tests "$file")
    if [[ -n $filter ]]; then
        local -a kept=()
        for name in "${tests[@]}"; do
            [[ $name =~ $filter ]] && kept+=("$name")
        done
        tests=("${kept[@]+"${kept[@]}"}")
    fi

    (
        cd "$(dirname "$file")" || exit 1
        # shellcheck disable=SC1090
        source "$file"
        if is_function setup_file && ! setup_file; then
            for name in "${tests[@]}"; do
                echo "not ok ${file##*/}: ${name#test_} # setup_file failed"
            done
            exit 0
        fi
        for name in "${tests[@]}"; do
            t0=$EPOCHREALTIME
            (
                set -eE
                is_function setup && setup
                "$name"
            ) >"$RESULTS_DIR/$idx.$name.log" 2>&1
            rc=$?
            ( is_function teardown && teardown ) >>"$RESULTS_DIR/$idx.$name.log" 2>&1
            t1=$EPOCHREALTIME
            local pretty=${name#test_}
            pretty=${pretty//_/ }
            local took=''
            if [[ $timing == true ]]; then
                # EPOCHREALTIME is "seconds.micro"; drop the dot to do integer math.
                took=" # time=$(( (${t1/./} - ${t0/./}) / 1000 ))ms"
            fi
            if (( rc == 0 )); then
                echo "ok ${file##*/}: ${pretty}${took}"
            elif (( rc == 77 )); then
                echo "ok ${file##*/}: ${pretty} # skip"
            else
                echo "not ok ${file##*/}: ${pretty}${took}"
                sed 's/^/# /' "$RESULTS_DIR/$idx.$name.log"
            fi
        done
        is_function teardown_file && teardown_file >/dev/null 2>&1
        exit 0
    ) >"$out"
}

skip() {
    echo "skipped: ${1:-no reason given}"
    exit 77
}

# --- schedule files, at most $jobs at a time --------------------------------
declare -a pids=()
for i in "${!files[@]}"; do
    run_file "${files[i]}" "$i" &
    pids+=($!)
    if (( ${#pids[@]} >= jobs )); then
        wait -n 2>/dev/null || true
        # Drop finished pids from the list.
        alive=()
        for p in "${pids[@]}"; do
            kill -0 "$p" 2>/dev/null && alive+=("$p")
        done
        pids=("${alive[@]+"${alive[@]}"}")
    fi
done
wait

# --- merge into one TAP stream -----------------------------------------------
total=0
failed=0
skipped=0
tap_body=$(
    n=0
    for i in "${!files[@]}"; do
        while IFS= read -r line; do
            case $line in
                'ok '*) echo "ok $((++n)) ${line#ok }" ;;
                'not ok '*) echo "not ok $((++n)) ${line#not ok }" ;;
                *) printf '%s\n' "$line" ;;
            esac
        done <"$RESULTS_DIR/$i.tap"
    done
)
total=$(grep -cE '^(not )?ok ' <<<"$tap_body" || true)
failed=$(grep -c '^not ok ' <<<"$tap_body" || true)
skipped=$(grep -c ' # skip$' <<<"$tap_body" || true)

echo "1..${total}"
printf '%s\n' "$tap_body"
printf '# %d passed, %d failed, %d skipped\n' $((total - failed - skipped)) "$failed" "$skipped"

exit $(( failed > 125 ? 125 : failed ))
