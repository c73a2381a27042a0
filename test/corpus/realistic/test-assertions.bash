# shellcheck shell=bash
# test/helpers/assertions.bash -- assertion helpers in the style of
# bats-assert, usable both from bats test files (load 'helpers/assertions')
# and from the plain-bash runner in test/run-suite.sh.
#
# After `run cmd args...` the globals below are set:
#   status   exit code of cmd
#   output   combined stdout+stderr, trailing newline stripped
#   lines    output split into an array, one element per line
#
# Assertions print a readable diff-ish report on failure and return 1, so
# under `set -e` (which bats uses) the test stops right there.

# Guard against being sourced twice.
if [[ -n ${__ASSERTIONS_LOADED-} ]]; then
    return 0
fi
readonly __ASSERTIONS_LOADED=1

declare -g status=0 output=''
declare -ga lines=()

# run [-N | !] [--separate-stderr] CMD...
#   -N  expect exit status N (fails the test otherwise)
#   !   expect a non-zero exit status
run() {
    local expected='' separate=0 origflags=$- tmp_err
    while (( $# )); do
        case $1 in
            -[0-9]*) expected=${1#-}; shift ;;
            '!') expected='!'; shift ;;
            --separate-stderr) separate=1; shift ;;
            --) shift; break ;;
            *) break ;;
        esac
    done

    set +eET
    if (( separate )); then
        tmp_err=$(mktemp)
        output=$("$@" 2>"$tmp_err")
        status=$?
        stderr=$(<"$tmp_err")
        rm -f "$tmp_err"
        mapfile -t stderr_lines <<<"$stderr"
    else
        output=$("$@" 2>&1)
        status=$?
    fi
    # Restore -e/-E/-T exactly as they were before.
    [[ $origflags == *e* ]] && set -e
    [[ $origflags == *E* ]] && set -E
    [[ $origflags == *T* ]] && set -T

    if [[ -n $output ]]; then
        mapfile -t lines <<<"$output"
    else
        lines=()
    fi

    if [[ $expected == '!' ]] && (( status == 0 )); then
        __fail "expected a non-zero exit status from: $*" "output: $output"
        return 1
    elif [[ -n $expected && $expected != '!' ]] && (( status != expected )); then
        __fail "expected exit status $expected, got $status from: $*" "output: $output"
        return 1
    fi
    return 0
}

# Prints a failure block to fd 2 (bats shows fd 2 of failing tests).
__fail() {
    local first=$1
    shift
    {
        printf '-- %s --\n' "$first"
        local l
        for l in "$@"; do
            printf '%s\n' "$l"
        done
        printf -- '--\n'
    } >&2
    return 1
}

function fail {
    __fail "${1:-test failed}"
}

assert_success() {
    if (( status != 0 )); then
        __fail 'command failed' "status : $status" "output : $output"
    fi
}

assert_failure() {
    local want=${1-}
    if (( status == 0 )); then
        __fail 'command succeeded, but it was expected to fail' "output : $output"
    elif [[ -n $want ]] && (( status != want )); then
        __fail 'command failed with an unexpected status' \
            "expected : $want" "actual   : $status" "output   : $output"
    fi
}

# assert_output [-p|--partial | -e|--regexp] [EXPECTED]
# With no EXPECTED, reads it from stdin (handy with heredocs).
function assert_output() {
    local mode=equal expected
    case ${1-} in
        -p | --partial) mode=partial; shift ;;
        -e | --regexp) mode=regexp; shift ;;
    esac
    if (( $# == 0 )); then
        expected=$(cat)
    else
        expected=$1
    fi

    case $mode in
        equal)
            [[ $output == "$expected" ]] && return 0
            __fail 'output differs' "expected : ${expected}" "actual   : ${output}"
            ;;
        partial)
            [[ $output == *"$expected"* ]] && return 0
            __fail 'output does not contain substring' "substring : ${expected}" "output    : ${output}"
            ;;
        regexp)
            if [[ $output =~ $expected ]]; then
                return 0
            fi
            local rc=$?
            (( rc == 2 )) && __fail "invalid regular expression: '${expected}'" && return 1
            __fail 'regular expression does not match output' "regexp : ${expected}" "output : ${output}"
            ;;
    esac
}

refute_output() {
    local needle=${1-}
    if [[ -z $needle ]]; then
        [[ -z $output ]] || __fail 'output non-empty, but expected no output' "output : $output"
        return
    fi
    [[ $output != *"$needle"* ]] || __fail 'output should not contain substring' \
        "substring : $needle" "output    : $output"
}

# assert_line [-n INDEX] [--partial] EXPECTED
assert_line() {
    local index='' partial=0 expected i
    while [[ ${1-} == -* ]]; do
        case $1 in
            -n | --index) index=$2; shift 2 ;;
            -p | --partial) partial=1; shift ;;
            *) break ;;
        esac
    done
    expected=${1?assert_line: EXPECTED is required}

    if [[ -n $index ]]; then
        if (( index < 0 )); then
            index=$(( ${#lines[@]} + index ))
        fi
        local actual=${lines[index]-}
        if (( partial )) && [[ $actual == *"$expected"* ]]; then return 0; fi
        if (( ! partial )) && [[ $actual == "$expected" ]]; then return 0; fi
        __fail "line $index differs" "expected : $expected" "actual   : $actual"
        return
    fi

    for (( i = 0; i < ${#lines[@]}; i++ )); do
        if (( partial )); then
            [[ ${lines[i]} == *"$expected"* ]] && return 0
        else
            [[ ${lines[i]} == "$expected" ]] && return 0
        fi
    done
    __fail 'no line matches' "expected : $expected" "lines    : ${#lines[@]}" \
        "$(printf '  %s\n' "${lines[@]}")"
}

assert_equal() {
    [[ $1 == "$2" ]] || __fail 'values are not equal' "expected : $2" "actual   : $1"
}

assert_file_exist() {
    [[ -e ${1:?path} ]] || __fail 'file does not exist' "path : $1"
}

assert_file_contains() {
    local file=$1 regex=$2
    grep -Eq -- "$regex" "$file" || __fail 'file does not match regex' \
        "path  : $file" "regex : $regex" "$(head -n 20 -- "$file")"
}

assert_dir_empty() {
    local -a entries
    shopt -s nullglob dotglob
    entries=("$1"/*)
    shopt -u nullglob dotglob
    (( ${#entries[@]} == 0 )) || __fail 'directory not empty' "path : $1" \
        "entries : ${entries[*]##*/}"
}

# --- fixtures ----------------------------------------------------------------

# Creates a throw-away directory and a fake HOME inside it. The directory is
# removed by teardown_sandbox (bats: call it from teardown()).
setup_sandbox() {
    SANDBOX=$(mktemp -d "${BATS_TMPDIR:-${TMPDIR:-/tmp}}/sandbox.XXXXXX")
    export SANDBOX
    export ORIG_HOME=$HOME HOME="$SANDBOX/home"
    mkdir -p "$HOME" "$SANDBOX/bin"
    export PATH="$SANDBOX/bin:$PATH"
}

teardown_sandbox() {
    [[ -n ${SANDBOX-} && -d $SANDBOX ]] || return 0
    HOME=${ORIG_HOME:-$HOME}
    rm -rf -- "$SANDBOX"
    unset SANDBOX
}

# stub NAME [EXIT] [OUTPUT] -- puts a fake NAME on PATH that records its
# arguments in $SANDBOX/calls/NAME, prints OUTPUT and exits with EXIT.
stub() {
    local name=$1 code=${2:-0} out=${3-}
    mkdir -p "$SANDBOX/calls"
    cat >"$SANDBOX/bin/$name" <<STUB
#!/usr/bin/env bash
printf '%s\n' "\$*" >> "$SANDBOX/calls/$name"
${out:+printf '%s\\n' ${out@Q}}
exit $code
STUB
    chmod +x "$SANDBOX/bin/$name"
}

# stub_calls NAME -- prints every recorded invocation of a stub.
stub_calls() {
    cat "$SANDBOX/calls/$1" 2>/dev/null || true
}

assert_stub_called() {
    local name=$1 args=${2-}
    local calls
    calls=$(stub_calls "$name")
    [[ -n $calls ]] || { __fail "stub '$name' was never called"; return; }
    if [[ -n $args ]] && ! grep -qxF -- "$args" <<<"$calls"; then
        __fail "stub '$name' was not called with the expected arguments" \
            "expected : $args" "calls    :" "$calls"
    fi
}
