#!/usr/bin/env bash
# render-config -- expand {{ VAR }} placeholders in config templates from the
# environment, with filters, defaults and a strict mode. A dependency-free
# stand-in for envsubst/gomplate in minimal images.
#
#   render-config [-s] [-p PREFIX] TEMPLATE [OUTPUT]
#
# Placeholder syntax inside templates:
#   {{ NAME }}                 value of $NAME (error in strict mode if unset)
#   {{ NAME | default "x" }}   value, or x when unset or empty
#   {{ NAME | upper }}         also: lower, capitalize, quote, json, trim, base64
#   {{ NAME | required "msg" }}
#   {{ env.PREFIX_* }}         every variable starting with PREFIX_, as KEY=VALUE lines
#
# Example:  APP_PORT=8080 render-config nginx.conf.tmpl /etc/nginx/conf.d/app.conf

set -euo pipefail

strict=false
prefix=''
while getopts ':sp:' o; do
    case $o in
        s) strict=true ;;
        p) prefix=$OPTARG ;;
        *) echo "usage: render-config [-s] [-p PREFIX] TEMPLATE [OUTPUT]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
template=${1:?template file required}
output=${2:--}

declare -i unresolved=0

# apply_filter NAME-OF-RESULT-VAR FILTER ARG
# Works on the caller's variable through a nameref.
apply_filter() {
    local -n _val=$1
    local filter=$2 arg=${3-}
    case $filter in
        upper) _val=${_val^^} ;;
        lower) _val=${_val,,} ;;
        capitalize) _val=${_val^} ;;
        trim)
            _val=${_val#"${_val%%[![:space:]]*}"}
            _val=${_val%"${_val##*[![:space:]]}"}
            ;;
        quote) _val=${_val@Q} ;;
        json)
            local s=$_val
            s=${s//\\/\\\\}
            s=${s//\"/\\\"}
            s=${s//$'\n'/\\n}
            s=${s//$'\t'/\\t}
            _val="\"$s\""
            ;;
        base64) _val=$(printf '%s' "$_val" | base64 -w0) ;;
        default) [[ -n $_val ]] || _val=$arg ;;
        required)
            if [[ -z $_val ]]; then
                echo "render-config: ${arg:-a required value is missing}" >&2
                exit 1
            fi
            ;;
        trimSuffix) _val=${_val%"$arg"} ;;
        trimPrefix) _val=${_val#"$arg"} ;;
        replace)
            # replace "a=b": every a becomes b
            local from=${arg%%=*} to=${arg#*=}
            _val=${_val//"$from"/"$to"}
            ;;
        *)
            echo "render-config: unknown filter '$filter'" >&2
            exit 1
            ;;
    esac
}

# Lists NAME=value for every variable starting with the given prefix.
env_block() {
    local p=$1 name
    # ${!p*} cannot take a variable prefix, so go through compgen -v.
    for name in $(compgen -v -- "$p"); do
        printf '%s=%s\n' "${name#"$p"}" "${!name}"
    done
}

# resolve EXPR  -- EXPR is the text between {{ and }}, already trimmed.
resolve() {
    local expr=$1 name rest value filter arg
    if [[ $expr =~ ^env\.([A-Za-z_][A-Za-z0-9_]*)\*$ ]]; then
        env_block "${BASH_REMATCH[1]}"
        return
    fi
    name=${expr%%|*}
    name=${name%%+([[:space:]])}
    name=${name// /}
    [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "render-config: bad placeholder '{{ $expr }}'" >&2; exit 1; }
    name=${prefix}${name}

    local was_set=1
    if [[ -v $name ]]; then
        value=${!name}
    else
        was_set=0
        value=''
    fi

    rest=${expr#*|}
    [[ $expr == *'|'* ]] || rest=''
    local has_default=0
    # Each filter: NAME or NAME "ARG"
    while [[ $rest =~ ^[[:space:]]*([A-Za-z]+)([[:space:]]+\"([^\"]*)\")?[[:space:]]*(\|(.*))?$ ]]; do
        filter=${BASH_REMATCH[1]}
        arg=${BASH_REMATCH[3]}
        rest=${BASH_REMATCH[5]}
        [[ $filter == default || $filter == required ]] && has_default=1
        apply_filter value "$filter" "$arg"
        [[ -n ${BASH_REMATCH[4]:-} ]] || break
    done

    if (( ! was_set && ! has_default )); then
        unresolved+=1
        if [[ $strict == true ]]; then
            echo "render-config: ${name} is not set (strict mode)" >&2
            exit 1
        fi
    fi
    printf '%s' "$value"
}

render() {
    local line out before expr after
    while IFS= read -r line || [[ -n $line ]]; do
        out=''
        while [[ $line == *'{{'*'}}'* ]]; do
            before=${line%%'{{'*}
            line=${line#*'{{'}
            expr=${line%%'}}'*}
            after=${line#*'}}'}
            # trim the expression
            expr=${expr#"${expr%%[![:space:]]*}"}
            expr=${expr%"${expr##*[![:space:]]}"}
            out+=$before$(resolve "$expr")
            line=$after
        done
        printf '%s\n' "$out$line"
    done
}

shopt -s extglob

if [[ $output == - ]]; then
    render <"$template"
else
    tmp=$(mktemp "${output}.XXXXXX")
    trap 'rm -f "$tmp"' EXIT
    render <"$template" >"$tmp"
    # Keep the old file's mode if there was one.
    if [[ -e $output ]]; then
        chmod --reference="$output" "$tmp" 2>/dev/null || true
    fi
    mv -f "$tmp" "$output"
    trap - EXIT
fi

# Print which prefixed variables exist, for debugging, when asked.
if [[ -n ${RENDER_DEBUG:-} ]]; then
    echo "render-config: variables in scope: ${!APP_*} ${!NGINX_@}" >&2
    echo "render-config: unresolved placeholders: ${unresolved}" >&2
fi
