#!/usr/bin/env bash
# bin/db -- wrapper around plain-SQL migrations in db/migrations/.
#
# Migration files are named NNNN_description.up.sql / NNNN_description.down.sql.
# Applied versions are recorded in schema_migrations(version, applied_at,
# checksum). Every migration runs in its own transaction.
#
# Usage:
#   bin/db status
#   bin/db up [N]          apply the next N (default: all) pending migrations
#   bin/db down [N]        roll back the last N (default: 1) migrations
#   bin/db new NAME        create a new pair of migration files
#   bin/db redo            down 1 + up 1
#   bin/db console         psql with the right connection
#   bin/db pick            choose a migration interactively and show it
#
# Connection: DATABASE_URL, or the usual PG* variables.
set -euo pipefail

MIGRATIONS_DIR=${MIGRATIONS_DIR:-db/migrations}
DATABASE_URL=${DATABASE_URL:-}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 --no-psqlrc)
[[ -n $DATABASE_URL ]] && PSQL+=("$DATABASE_URL")

red=$'\e[31m' green=$'\e[32m' dim=$'\e[2m' off=$'\e[0m'
[[ -t 1 ]] || red='' green='' dim='' off=''

die() { echo "${red}db: $*${off}" >&2; exit 1; }

sql() { "${PSQL[@]}" -At "$@"; }

ensure_table() {
	sql <<-'SQL'
		CREATE TABLE IF NOT EXISTS schema_migrations (
		    version    bigint      PRIMARY KEY,
		    applied_at timestamptz NOT NULL DEFAULT now(),
		    checksum   text        NOT NULL
		);
	SQL
}

# Prints "VERSION FILE" for every up migration, sorted by version.
available() {
    local f base
    for f in "$MIGRATIONS_DIR"/*.up.sql; do
        [[ -e $f ]] || continue
        base=${f##*/}
        printf '%d %s\n' "$((10#${base%%_*}))" "$f"
    done | sort -n
}

applied() {
    sql -c 'SELECT version FROM schema_migrations ORDER BY version'
}

checksum() { sha256sum "$1" | cut -c1-16; }

declare -A is_applied=()
load_applied() {
    local v
    while read -r v; do
        [[ -n $v ]] && is_applied[$v]=1
    done < <(applied)
}

cmd_status() {
    ensure_table
    load_applied
    local v f name pending=0
    printf '%-8s %-10s %s\n' VERSION STATE NAME
    while read -r v f; do
        name=${f##*/}
        name=${name#*_}
        name=${name%.up.sql}
        if [[ -v is_applied[$v] ]]; then
            printf '%-8s %s%-10s%s %s\n' "$v" "$green" applied "$off" "${name//_/ }"
        else
            printf '%-8s %s%-10s%s %s\n' "$v" "$red" pending "$off" "${name//_/ }"
            (( ++pending ))
        fi
    done < <(available)
    echo "${dim}${#is_applied[@]} applied, ${pending} pending${off}"
}

apply_file() { # apply_file VERSION FILE DIRECTION
    local v=$1 f=$2 dir=$3 sum
    sum=$(checksum "$f")
    echo "${dir^^} ${v} ${f##*/}"
    # One transaction: the migration and the bookkeeping commit together.
    {
        echo 'BEGIN;'
        cat -- "$f"
        echo
        if [[ $dir == up ]]; then
            printf "INSERT INTO schema_migrations(version, checksum) VALUES (%d, '%s');\n" "$v" "$sum"
        else
            printf 'DELETE FROM schema_migrations WHERE version = %d;\n' "$v"
        fi
        echo 'COMMIT;'
    } | "${PSQL[@]}" || die "migration ${v} failed; nothing from it was committed"
}

cmd_up() {
    local limit=${1:-0} count=0 v f
    ensure_table
    load_applied
    while read -r v f; do
        [[ -v is_applied[$v] ]] && continue
        apply_file "$v" "$f" up
        (( ++count ))
        (( limit > 0 && count >= limit )) && break
    done < <(available)
    (( count )) || echo "nothing to do"
}

cmd_down() {
    local n=${1:-1} v down
    ensure_table
    for v in $(sql -c "SELECT version FROM schema_migrations ORDER BY version DESC LIMIT ${n}"); do
        down=$(compgen -G "$MIGRATIONS_DIR/$(printf '%04d' "$v")_*.down.sql" | head -n1) \
            || die "no down migration for version $v"
        apply_file "$v" "$down" down
    done
}

cmd_new() {
    local name=${1:?usage: bin/db new NAME} last next slug
    slug=${name,,}
    slug=${slug//[^a-z0-9]/_}
    slug=${slug##_}
    last=$(available | tail -n1 | cut -d' ' -f1)
    next=$(printf '%04d' $(( ${last:-0} + 1 )))
    mkdir -p "$MIGRATIONS_DIR"
    cat >"$MIGRATIONS_DIR/${next}_${slug}.up.sql" <<EOF
-- ${next} ${name}
-- Created $(date -u +%F) by ${USER:-unknown}.

EOF
    cat >"$MIGRATIONS_DIR/${next}_${slug}.down.sql" <<EOF
-- Revert ${next} ${name}

EOF
    echo "created $MIGRATIONS_DIR/${next}_${slug}.{up,down}.sql"
}

cmd_pick() {
    local -a names=()
    local v f
    while read -r v f; do names+=("${f##*/}"); done < <(available)
    (( ${#names[@]} )) || die "no migrations in $MIGRATIONS_DIR"
    PS3="migration number (q to quit): "
    select choice in "${names[@]}"; do
        case $REPLY in
            q | Q) break ;;
        esac
        if [[ -n $choice ]]; then
            ${PAGER:-less} "$MIGRATIONS_DIR/$choice"
            break
        fi
        echo "no such entry: $REPLY"
    done
}

# Refuse to run destructive commands against production by accident.
guard_production() {
    if [[ $DATABASE_URL == *prod* || ${PGHOST:-} == *prod* ]]; then
        local answer
        read -r -p "This looks like PRODUCTION. Type the database name to continue: " answer
        [[ $answer == "${DATABASE_URL##*/}" || $answer == "${PGDATABASE:-}" ]] || die "aborted"
    fi
}

command=${1:-status}
shift || true
case $command in
    status) cmd_status ;;
    up) cmd_up "$@" ;;
    down) guard_production; cmd_down "$@" ;;
    redo) guard_production; cmd_down 1 && cmd_up 1 ;;
    new) cmd_new "$@" ;;
    console) exec "${PSQL[@]/-q/}" ;;
    pick) cmd_pick ;;
    help | -h | --help) sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0" ;;
    *) die "unknown command '$command' (try: bin/db help)" ;;
esac
