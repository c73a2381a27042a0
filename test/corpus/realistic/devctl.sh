#!/usr/bin/env bash
# devctl -- the one entry point for day-to-day work on the monorepo.
#
#   devctl <command> [args]
#
# Commands are functions named cmd_<name>; `devctl help` lists them with the
# first line of the comment above each one. Plugins in tools/devctl.d/*.sh
# can add commands the same way.

set -o errexit -o nounset -o pipefail
shopt -s extglob nullglob

DEVCTL_ROOT=$(git -C "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" rev-parse --show-toplevel)
DEVCTL_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/devctl
DEVCTL_VERBOSE=${DEVCTL_VERBOSE:-0}
TIMEFORMAT=$'  took %1Rs (user %1Us, sys %1Ss)'
cd "$DEVCTL_ROOT"
mkdir -p "$DEVCTL_CACHE"

declare -A SERVICES=()       # name -> directory
declare -A SERVICE_LANG=()   # name -> go|node|python
declare -a SERVICE_ORDER=()

# --- output ---------------------------------------------------------------------
if [[ -t 2 && -z ${NO_COLOR:-} ]]; then
    c_dim=$'\e[2m' c_red=$'\e[31m' c_grn=$'\e[32m' c_ylw=$'\e[33m' c_bld=$'\e[1m' c_off=$'\e[0m'
else
    c_dim='' c_red='' c_grn='' c_ylw='' c_bld='' c_off=''
fi

msg()   { printf '%s\n' "$*" >&2; }
vmsg()  { (( DEVCTL_VERBOSE )) && printf '%s%s%s\n' "$c_dim" "$*" "$c_off" >&2; return 0; }
ok()    { printf '%s✓%s %s\n' "$c_grn" "$c_off" "$*" >&2; }
warn()  { printf '%s!%s %s\n' "$c_ylw" "$c_off" "$*" >&2; }
fatal() { printf '%s✗ %s%s\n' "$c_red" "$*" "$c_off" >&2; exit 1; }

# --- service discovery ------------------------------------------------------------
function discover_services {
    local dir name
    for dir in services/*/; do
        dir=${dir%/}
        name=${dir##*/}
        SERVICES[$name]=$dir
        SERVICE_ORDER+=("$name")
        if [[ -f $dir/go.mod ]]; then
            SERVICE_LANG[$name]=go
        elif [[ -f $dir/package.json ]]; then
            SERVICE_LANG[$name]=node
        elif [[ -f $dir/pyproject.toml || -f $dir/setup.py ]]; then
            SERVICE_LANG[$name]=python
        else
            SERVICE_LANG[$name]=unknown
        fi
    done
}

# resolve_services [NAME|GLOB...] -> names, one per line; no args = all.
resolve_services() {
    local pat name matched
    if (( $# == 0 )); then
        printf '%s\n' "${SERVICE_ORDER[@]}"
        return
    fi
    for pat in "$@"; do
        matched=0
        for name in "${SERVICE_ORDER[@]}"; do
            # shellcheck disable=SC2053
            if [[ $name == $pat ]]; then
                echo "$name"
                matched=1
            fi
        done
        (( matched )) || fatal "no service matches '${pat}' (have: ${SERVICE_ORDER[*]})"
    done
}

in_service() { # in_service NAME CMD...
    local name=$1
    shift
    ( cd "${SERVICES[$name]}" && "$@" )
}

# --- commands -------------------------------------------------------------------------

# Show this help.
cmd_help() {
    local fn line desc
    printf '%susage:%s devctl <command> [args]\n\n' "$c_bld" "$c_off"
    while read -r _ _ fn; do
        [[ $fn == cmd_* ]] || continue
        # The comment line just above "fn() {" in whichever file defines it.
        shopt -s extdebug
        read -r _ line file < <(declare -F "$fn")
        shopt -u extdebug
        desc=$(sed -n "$((line - 1))s/^# *//p" "$file")
        printf '  %-12s %s\n' "${fn#cmd_}" "${desc:-}"
    done < <(declare -F)
}

# Install toolchains and dependencies for every service.
cmd_setup() {
    local name
    for name in $(resolve_services "$@"); do
        case ${SERVICE_LANG[$name]} in
            go) in_service "$name" go mod download ;;
            node) in_service "$name" npm ci --no-audit --no-fund --loglevel=error ;;
            python)
                in_service "$name" bash -c 'python3 -m venv .venv && .venv/bin/pip install -q -e ".[dev]"'
                ;;
            *) warn "${name}: unknown language, skipping" ;;
        esac && ok "$name"
    done
}

# Run the tests of the given services (default: all), in parallel.
cmd_test() {
    local -a names pids=()
    local name i rc=0 jobs=${DEVCTL_JOBS:-$(nproc)}
    mapfile -t names < <(resolve_services "$@")
    local logdir="$DEVCTL_CACHE/test-logs"
    rm -rf "$logdir"
    mkdir -p "$logdir"

    for name in "${names[@]}"; do
        while (( $(jobs -rp | wc -l) >= jobs )); do
            wait -n || true
        done
        (
            case ${SERVICE_LANG[$name]} in
                go) in_service "$name" go test -count=1 ./... ;;
                node) in_service "$name" npm test --silent ;;
                python) in_service "$name" .venv/bin/pytest -q ;;
                *) echo "no test runner for ${name}"; exit 0 ;;
            esac
        ) &>"$logdir/$name.log" &
        pids+=($!)
    done

    for i in "${!pids[@]}"; do
        name=${names[i]}
        if wait "${pids[i]}"; then
            ok "$name"
        else
            rc=1
            printf '%s✗ %s%s — log: %s\n' "$c_red" "$name" "$c_off" "$logdir/$name.log" >&2
            tail -n 15 "$logdir/$name.log" | sed 's/^/    /' >&2
        fi
    done
    return $rc
}

# Lint everything (shellcheck, golangci-lint, eslint, ruff).
cmd_lint() {
    local rc=0
    mapfile -t scripts < <(git ls-files '*.sh' '*.bash' 'tools/devctl')
    if (( ${#scripts[@]} )) && command -v shellcheck &>/dev/null; then
        shellcheck -x "${scripts[@]}" || rc=1
    fi
    local name
    for name in $(resolve_services "$@"); do
        case ${SERVICE_LANG[$name]} in
            go) in_service "$name" golangci-lint run ./... || rc=1 ;;
            node) in_service "$name" npx --no-install eslint --max-warnings=0 . || rc=1 ;;
            python) in_service "$name" .venv/bin/ruff check . || rc=1 ;;
        esac
    done
    (( rc == 0 )) && ok "lint clean"
    return $rc
}

# Start the local stack (docker compose) and follow the logs.
cmd_up() {
    local -a profiles=()
    local arg
    for arg in "$@"; do
        case $arg in
            --with-*) profiles+=(--profile "${arg#--with-}") ;;
            -d | --detach) local detach=1 ;;
            *) fatal "up: unknown argument ${arg}" ;;
        esac
    done
    # Generate a .env for compose once, with random local secrets.
    if [[ ! -f .env ]]; then
        local pw
        pw=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24)
        cat >.env <<EOF
# Local development only. Generated by devctl on $(date +%F).
COMPOSE_PROJECT_NAME=${DEVCTL_ROOT##*/}
POSTGRES_PASSWORD=${pw}
DATABASE_URL=postgres://app:${pw}@localhost:5432/app?sslmode=disable
EOF
        ok "wrote .env"
    fi
    docker compose "${profiles[@]}" up --build --remove-orphans ${detach:+--detach}
}

# Stop the local stack; --volumes also deletes the data.
cmd_down() {
    local -a args=(--remove-orphans)
    [[ ${1:-} == --volumes ]] && args+=(--volumes)
    docker compose down "${args[@]}"
}

# Open a shell (or run a command) in a running service container.
cmd_sh() {
    local name=${1:?usage: devctl sh SERVICE [CMD...]}
    shift
    local -a cmd=("$@")
    (( ${#cmd[@]} )) || cmd=(sh -c 'command -v bash >/dev/null && exec bash || exec sh')
    docker compose exec "$name" "${cmd[@]}"
}

# Pick a service interactively and tail its logs.
cmd_logs() {
    local choice
    if (( $# )); then
        docker compose logs -f --tail=100 "$@"
        return
    fi
    PS3="${c_bld}which service?${c_off} "
    select choice in "${SERVICE_ORDER[@]}" all; do
        [[ -n ${choice:-} ]] || { warn "pick a number"; continue; }
        break
    done
    if [[ $choice == all ]]; then
        docker compose logs -f --tail=50
    else
        docker compose logs -f --tail=100 "$choice"
    fi
}

# Print version info of the tools devctl relies on.
cmd_doctor() {
    local tool want have
    local -A minimum=([git]=2.30 [docker]=24.0 [go]=1.22 [node]=20.0 [python3]=3.11 [jq]=1.6)
    for tool in git docker go node python3 jq shellcheck; do
        if ! command -v "$tool" &>/dev/null; then
            warn "${tool}: not installed"
            continue
        fi
        have=$("$tool" --version 2>&1 | grep -Eo '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n1)
        want=${minimum[$tool]:-}
        if [[ -n $want ]] && [[ $(printf '%s\n' "$want" "$have" | sort -V | head -n1) != "$want" ]]; then
            warn "${tool} ${have} (need ≥ ${want})"
        else
            ok "${tool} ${have:-?}"
        fi
    done
    # Bash itself: we use wait -n, mapfile, declare -A, ${x@Q}.
    if (( BASH_VERSINFO[0] < 5 )); then
        warn "bash ${BASH_VERSION} is old; install bash 5 (macOS: brew install bash)"
    else
        ok "bash ${BASH_VERSION%%(*}"
    fi
}

# Time a command N times: devctl bench N CMD...
cmd_bench() {
    local n=${1:?usage: devctl bench N CMD...}
    shift
    local i
    let "n = n > 0 ? n : 1"
    for (( i = 1; i <= n; i++ )); do
        printf '%srun %d/%d:%s %s\n' "$c_dim" "$i" "$n" "$c_off" "${*@Q}" >&2
        time "$@" >/dev/null
    done
}

# Remove build outputs and caches (asks first).
cmd_clean() {
    local -a victims=()
    local name dir sub
    for name in "${SERVICE_ORDER[@]}"; do
        dir=${SERVICES[$name]}
        for sub in {dist,build,coverage} node_modules .venv .pytest_cache; do
            [[ -e $dir/$sub ]] && victims+=("$dir/$sub")
        done
    done
    victims+=("$DEVCTL_CACHE")
    (( ${#victims[@]} )) || { ok "nothing to clean"; return; }
    printf '  %s\n' "${victims[@]#"$DEVCTL_ROOT"/}" >&2
    read -r -p "delete these ${#victims[@]} directories? [y/N] " answer
    [[ $answer == [yY]* ]] || return 0
    rm -rf -- "${victims[@]}"
    ok "cleaned"
}

# --- plugins and dispatch ------------------------------------------------------------
for plugin in tools/devctl.d/*.sh; do
    # shellcheck source=/dev/null
    source "$plugin"
done

discover_services

command=${1:-help}
(( $# )) && shift
command=${command//-/_}
if [[ $(type -t "cmd_${command}") != function ]]; then
    msg "unknown command: ${command}"
    cmd_help
    exit 2
fi
vmsg "devctl ${command} $* (root ${DEVCTL_ROOT}, ${#SERVICE_ORDER[@]} services)"
"cmd_${command}" "$@"
