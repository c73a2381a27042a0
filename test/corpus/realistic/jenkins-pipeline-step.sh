#!/bin/bash
# Jenkins "Execute shell" step for the nightly integration job.
#
# Jenkins provides: WORKSPACE BUILD_NUMBER BUILD_URL JOB_NAME NODE_NAME
#                   GIT_COMMIT GIT_BRANCH CHANGE_ID (PRs only)
# Job parameters:   TARGETS  SKIP_TESTS  NOTIFY_CHANNEL  PARALLELISM
#
# Keep this script boring: the Groovy side only calls it with a phase name.
set -euo pipefail

# Save the original stdout on fd 3 so that helpers can print to the console
# even while the main output goes to the build log file.
exec 3>&1
LOG_DIR="${WORKSPACE:-$PWD}/build-logs/${BUILD_NUMBER:-local}"
mkdir -p "$LOG_DIR"
exec > >(tee -a "$LOG_DIR/pipeline.log") 2>&1

PHASE=${1:-all}
PARALLELISM=${PARALLELISM:-$(nproc 2>/dev/null || echo 2)}
TARGETS=${TARGETS:-"unit integration e2e"}
START_TS=$(date +%s)
failed_targets=()
declare -A target_status=()
declare -A target_seconds

console() { printf '%s\n' "$*" >&3; }

banner() {
    local text="$*" line
    line=$(printf '%*s' $(( ${#text} + 4 )) '' | tr ' ' '=')
    printf '%s\n= %s =\n%s\n' "$line" "$text" "$line"
}

elapsed() {
    local s=$(( $(date +%s) - START_TS ))
    printf '%dm%02ds' $((s / 60)) $((s % 60))
}

# Serialise access to the shared docker cache between executors on the
# same agent. {lockfd} gets a free descriptor number from bash.
with_lock() {
    local lockfile=/var/lock/jenkins-docker-cache.lock lockfd
    exec {lockfd}>>"$lockfile"
    if ! flock -w 600 "$lockfd"; then
        echo "could not get $lockfile within 10 minutes" >&2
        exec {lockfd}>&-
        return 1
    fi
    "$@"
    local rc=$?
    exec {lockfd}>&-
    return $rc
}

notify() {
    local status=$1 colour
    [[ -n ${NOTIFY_CHANNEL:-} ]] || return 0
    case $status in
        SUCCESS) colour=good ;;
        UNSTABLE) colour=warning ;;
        *) colour=danger ;;
    esac
    # Build the payload with a heredoc; jq would be nicer but is not on
    # every agent.
    curl -fsS -X POST -H 'Content-Type: application/json' \
        --data-binary @- "${SLACK_WEBHOOK_URL:?}" <<JSON || echo "notify failed" >&2
{
  "channel": "${NOTIFY_CHANNEL}",
  "attachments": [{
    "color": "${colour}",
    "title": "${JOB_NAME:-local} #${BUILD_NUMBER:-0}: ${status}",
    "title_link": "${BUILD_URL:-}",
    "text": "branch ${GIT_BRANCH#origin/} at ${GIT_COMMIT:0:10}, took $(elapsed)"
  }]
}
JSON
}

prepare() {
    banner "prepare on ${NODE_NAME:-$(hostname)}"
    git clean -ffdx -e build-logs/ >/dev/null
    git submodule update --init --recursive --jobs "$PARALLELISM"
    with_lock docker pull -q "registry.internal.example/ci/builder:${BUILDER_TAG:-stable}"
    console "prepare done ($(elapsed))"
}

run_target() {
    local target=$1 t0 rc=0 logfile
    logfile="$LOG_DIR/${target}.log"
    t0=$SECONDS
    case $target in
        unit)
            make -j"$PARALLELISM" test-unit &>"$logfile" || rc=$?
            ;;
        integration)
            docker compose -f ci/compose.yml up -d --wait &>>"$logfile" || rc=$?
            (( rc == 0 )) && { make test-integration &>>"$logfile" || rc=$?; }
            docker compose -f ci/compose.yml logs --no-color >>"$logfile" 2>&1 || true
            docker compose -f ci/compose.yml down -v >/dev/null 2>&1 || true
            ;;
        e2e)
            if [[ -n ${CHANGE_ID:-} && ${CHANGE_TARGET:-} != main ]]; then
                echo "skipping e2e for PR-${CHANGE_ID} against ${CHANGE_TARGET:-?}" >"$logfile"
                target_status[$target]=SKIPPED
                return 0
            fi
            ./ci/e2e.sh --junit "$LOG_DIR/e2e-junit.xml" |& tee "$logfile" >/dev/null
            rc=${PIPESTATUS[0]}
            ;;
        *)
            echo "unknown target '$target'" >&2
            rc=2
            ;;
    esac
    target_seconds[$target]=$((SECONDS - t0))
    if (( rc == 0 )); then
        target_status[$target]=PASSED
    else
        target_status[$target]="FAILED($rc)"
        failed_targets+=("$target")
        # Show the tail of the failing log right in the console.
        console "---- last 40 lines of ${target}.log ----"
        tail -n 40 "$logfile" >&3
    fi
    return 0
}

test_phase() {
    banner "tests: $TARGETS"
    if [[ ${SKIP_TESTS:-false} == true ]]; then
        echo "SKIP_TESTS=true, not running tests"
        return 0
    fi
    local t
    for t in $TARGETS; do
        run_target "$t"
    done

    printf '\n%-14s %-12s %s\n' TARGET STATUS SECONDS
    for t in "${!target_status[@]}"; do
        printf '%-14s %-12s %s\n' "$t" "${target_status[$t]}" "${target_seconds[$t]:--}"
    done | sort
}

archive() {
    banner "archive"
    local dest="$WORKSPACE/artifacts"
    mkdir -p "$dest"
    # Collect junit files from wherever the test runners left them.
    find . -path ./artifacts -prune -o -name '*junit*.xml' -print0 |
        while IFS= read -r -d '' f; do
            cp -- "$f" "$dest/$(echo "${f#./}" | tr / _)"
        done
    tar -C "$LOG_DIR" -czf "$dest/logs-${BUILD_NUMBER:-local}.tgz" .
    ls -l "$dest"
}

finish() {
    local rc=$? status
    if (( rc != 0 )); then
        status=FAILURE
    elif (( ${#failed_targets[@]} > 0 )); then
        status=UNSTABLE
    else
        status=SUCCESS
    fi
    console "result: ${status} after $(elapsed); failed: ${failed_targets[*]:-none}"
    notify "$status" || true
    # Jenkins marks the build unstable on exit code 3 (see the Groovy side).
    [[ $status == UNSTABLE ]] && exit 3
    exit "$rc"
}
trap finish EXIT

case $PHASE in
    prepare) prepare ;;
    test) test_phase ;;
    archive) archive ;;
    all)
        prepare
        test_phase
        archive
        ;;
    *)
        echo "usage: $0 {prepare|test|archive|all}" >&2
        exit 64
        ;;
esac
