#!/usr/bin/env bash
# ci/lib.sh -- helpers shared by the GitHub Actions jobs.
#
# Source it from a workflow step:
#
#   - run: |
#       source ci/lib.sh
#       ci::group "Build" make -j"$(nproc)"
#
# Everything here must also work locally, where none of the GITHUB_* variables
# exist, so each of them is read with a default.

set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

: "${CI:=false}"
: "${GITHUB_ACTIONS:=false}"
: "${RUNNER_TEMP:=${TMPDIR:-/tmp}}"
: "${CI_RETRY_MAX:=4}"
: "${CI_RETRY_DELAY:=5}"

CI_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CI_ROOT=$(cd "$CI_LIB_DIR/.." && pwd)
declare -ga CI_CLEANUP=()
declare -gA CI_TIMINGS=()

ci::is_gha() { [[ $GITHUB_ACTIONS == true ]]; }

# --- logging -----------------------------------------------------------------

ci::log() {
    local level=$1
    shift
    case $level in
        error | warning | notice)
            if ci::is_gha; then
                # ::error file=app.js,line=1::Missing semicolon
                echo "::${level}::$*"
            else
                printf '[%s] %s\n' "${level^^}" "$*" >&2
            fi
            ;;
        debug)
            if ci::is_gha; then echo "::debug::$*"; elif [[ ${CI_DEBUG:-0} == 1 ]]; then
                printf '[DEBUG] %s\n' "$*" >&2
            fi
            ;;
        *) printf '%s\n' "$*" ;;
    esac
}

ci::fail() {
    ci::log error "$@"
    exit 1
}

# ci::group TITLE CMD...  -- runs CMD inside a collapsible log group and
# records how long it took.
ci::group() {
    local title=$1 start rc=0
    shift
    if ci::is_gha; then echo "::group::${title}"; else printf '\n=== %s ===\n' "$title"; fi
    start=$SECONDS
    "$@" || rc=$?
    CI_TIMINGS[$title]=$((SECONDS - start))
    if ci::is_gha; then echo "::endgroup::"; fi
    return "$rc"
}

# Masks a value in the log. Multi-line secrets need one ::add-mask:: per line.
ci::mask() {
    local secret=$1 line
    ci::is_gha || return 0
    while IFS= read -r line; do
        [[ -n $line ]] && echo "::add-mask::${line}"
    done <<<"$secret"
}

# --- outputs and env ---------------------------------------------------------

# ci::set_output NAME VALUE -- handles multi-line values with a random
# delimiter so the value cannot terminate the block early.
ci::set_output() {
    local name=$1 value=$2 delim
    if ! ci::is_gha; then
        printf '%s=%q\n' "$name" "$value"
        return
    fi
    if [[ $value == *$'\n'* ]]; then
        delim="EOF_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
        {
            printf '%s<<%s\n' "$name" "$delim"
            printf '%s\n' "$value"
            printf '%s\n' "$delim"
        } >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
    else
        echo "${name}=${value}" >>"$GITHUB_OUTPUT"
    fi
}

ci::export() {
    local name=$1 value=$2
    export "$name=$value"
    if ci::is_gha; then
        echo "${name}=${value}" >>"${GITHUB_ENV:?}"
    fi
}

ci::add_path() {
    export PATH="$1:$PATH"
    ci::is_gha && echo "$1" >>"${GITHUB_PATH:?}"
    return 0
}

ci::summary() {
    if ci::is_gha && [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
        cat >>"$GITHUB_STEP_SUMMARY"
    else
        cat >&2
    fi
}

# --- retries and cleanup -----------------------------------------------------

# ci::retry [-n TRIES] [-d DELAY] CMD...  -- exponential backoff with jitter.
ci::retry() {
    local tries=$CI_RETRY_MAX delay=$CI_RETRY_DELAY attempt=1 rc
    while [[ ${1-} == -* ]]; do
        case $1 in
            -n) tries=$2; shift 2 ;;
            -d) delay=$2; shift 2 ;;
            --) shift; break ;;
            *) ci::fail "ci::retry: unknown option $1" ;;
        esac
    done
    until "$@"; do
        rc=$?
        if (( attempt >= tries )); then
            ci::log error "giving up after $attempt attempts (exit $rc): $*"
            return "$rc"
        fi
        local sleep_for=$(( delay * (1 << (attempt - 1)) + RANDOM % 3 ))
        ci::log warning "attempt $attempt/$tries failed (exit $rc); retrying in ${sleep_for}s: $1"
        sleep "$sleep_for"
        (( attempt++ ))
    done
}

ci::on_exit() { CI_CLEANUP+=("$*"); }

ci::_run_cleanup() {
    local rc=$? i
    # Run in reverse order of registration, like defer.
    for (( i = ${#CI_CLEANUP[@]} - 1; i >= 0; i-- )); do
        eval "${CI_CLEANUP[i]}" || ci::log warning "cleanup failed: ${CI_CLEANUP[i]}"
    done
    if (( ${#CI_TIMINGS[@]} )); then
        {
            echo "| step | seconds |"
            echo "| --- | ---: |"
            for k in "${!CI_TIMINGS[@]}"; do
                printf '| %s | %d |\n' "$k" "${CI_TIMINGS[$k]}"
            done
        } | ci::summary
    fi
    return "$rc"
}
trap ci::_run_cleanup EXIT

ci::_on_err() {
    local rc=$? cmd=$BASH_COMMAND
    ci::log error "command failed with exit $rc at ${BASH_SOURCE[1]:-?}:${BASH_LINENO[0]}: $cmd"
}
trap ci::_on_err ERR
set -o errtrace

# --- git / versioning --------------------------------------------------------

ci::changed_files() { # ci::changed_files [BASE_REF]
    local base=${1:-${GITHUB_BASE_REF:-main}}
    git fetch --no-tags --depth=50 origin "$base" >/dev/null 2>&1 || true
    git diff --name-only --diff-filter=ACMR "origin/${base}...HEAD"
}

ci::version() {
    local ref=${GITHUB_REF:-$(git symbolic-ref -q HEAD || echo HEAD)}
    case $ref in
        refs/tags/v*) echo "${ref#refs/tags/v}" ;;
        refs/heads/*) echo "0.0.0-${ref#refs/heads/}.$(git rev-parse --short=8 HEAD)" | tr '/' '-' ;;
        refs/pull/*/merge)
            local pr=${ref#refs/pull/}
            echo "0.0.0-pr${pr%/merge}.${GITHUB_RUN_NUMBER:-0}"
            ;;
        *) echo "0.0.0-dev" ;;
    esac
}

# Should the job run at all? Skips docs-only pull requests.
ci::needs_build() {
    local f code=0
    while IFS= read -r f; do
        case $f in
            docs/* | *.md | .github/ISSUE_TEMPLATE/*) ;;
            *) code=1 ;;
        esac
    done < <(ci::changed_files)
    (( code == 1 ))
}

# --- caching -----------------------------------------------------------------

ci::cache_key() {
    local prefix=$1
    shift
    local hash
    hash=$(cat "$@" 2>/dev/null | sha256sum | cut -c1-16)
    echo "${prefix}-${RUNNER_OS:-$(uname -s)}-${hash}"
}

ci::wait_for() { # ci::wait_for SECONDS CMD...
    local deadline=$((SECONDS + $1))
    shift
    while ! "$@" >/dev/null 2>&1; do
        if (( SECONDS >= deadline )); then
            ci::log error "timed out waiting for: $*"
            return 1
        fi
        sleep 2
    done
}

# When executed rather than sourced, run the named helper: ci/lib.sh version
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    cmd=${1:?usage: $0 HELPER [ARGS...]}
    shift
    "ci::${cmd}" "$@"
fi
