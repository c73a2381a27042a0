# shellcheck shell=bash
# tvm.bash -- a small per-project tool version manager, sourced from
# ~/.bashrc:
#
#   export TVM_HOME=~/.tvm
#   source ~/.tvm/tvm.bash
#
# A `.tool-versions` file in a project lists "tool version" pairs; entering
# the directory puts those versions first on PATH. Installed versions live
# in $TVM_HOME/installs/<tool>/<version>/bin.
#
# This file is sourced into interactive shells, so: no `set -e`, no exit,
# every variable local, and it must work under `set -u` in the user's shell.

TVM_HOME=${TVM_HOME:-$HOME/.tvm}
TVM_VERBOSE=${TVM_VERBOSE:-0}
declare -gA TVM_ACTIVE=()
declare -g TVM_ORIG_PATH=${TVM_ORIG_PATH:-$PATH}
declare -g __tvm_last_dir=''

# Download URL templates per tool; {v}, {os}, {arch} are substituted.
declare -gA TVM_URLS=(
    [node]='https://nodejs.org/dist/v{v}/node-v{v}-{os}-{arch}.tar.xz'
    [go]='https://go.dev/dl/go{v}.{os}-{arch}.tar.gz'
    [terraform]='https://releases.hashicorp.com/terraform/{v}/terraform_{v}_{os}_{arch}.zip'
    [kubectl]='https://dl.k8s.io/release/v{v}/bin/{os}/{arch}/kubectl'
)

__tvm_say() { (( TVM_VERBOSE )) && printf 'tvm: %s\n' "$*" >&2; return 0; }
__tvm_err() { printf 'tvm: %s\n' "$*" >&2; return 1; }

# __tvm_find_file [DIR] -> path of the nearest .tool-versions going up.
__tvm_find_file() {
    local dir=${1:-$PWD}
    while :; do
        if [[ -f $dir/.tool-versions ]]; then
            printf '%s\n' "$dir/.tool-versions"
            return 0
        fi
        [[ -z $dir || $dir == / ]] && break
        dir=${dir%/*}
    done
    [[ -f $HOME/.tool-versions ]] && printf '%s\n' "$HOME/.tool-versions"
}

# __tvm_read FILE RESULT_ASSOC  -- parse "tool version" lines into an
# associative array named by the caller.
__tvm_read() {
    local file=$1
    local -n __result=$2
    local tool version rest
    while read -r tool version rest || [[ -n ${tool-} ]]; do
        [[ -z ${tool-} || $tool == \#* ]] && continue
        [[ -n ${version-} ]] || { __tvm_err "$file: no version for $tool"; continue; }
        __result[$tool]=$version
    done <"$file"
}

__tvm_platform() {
    local os arch
    case $(uname -s) in
        Linux) os=linux ;;
        Darwin) os=darwin ;;
        *) os=unknown ;;
    esac
    case $(uname -m) in
        x86_64) arch=amd64 ;;
        aarch64 | arm64) arch=arm64 ;;
        *) arch=$(uname -m) ;;
    esac
    # node calls them x64/arm64
    printf '%s %s\n' "$os" "$arch"
}

__tvm_url() { # __tvm_url TOOL VERSION
    local tmpl=${TVM_URLS[$1]-} os arch
    [[ -n $tmpl ]] || return 1
    read -r os arch < <(__tvm_platform)
    [[ $1 == node && $arch == amd64 ]] && arch=x64
    tmpl=${tmpl//\{v\}/$2}
    tmpl=${tmpl//\{os\}/$os}
    tmpl=${tmpl//\{arch\}/$arch}
    printf '%s\n' "$tmpl"
}

tvm_install() {
    local tool=${1:?usage: tvm install TOOL VERSION} version=${2:?usage: tvm install TOOL VERSION}
    local dest="$TVM_HOME/installs/$tool/$version" url tmp
    if [[ -d $dest/bin ]]; then
        __tvm_say "$tool $version already installed"
        return 0
    fi
    url=$(__tvm_url "$tool" "$version") || { __tvm_err "don't know how to install $tool"; return 1; }
    tmp=$(mktemp -d) || return 1
    echo "tvm: installing $tool $version"
    if ! curl -fL# -o "$tmp/${url##*/}" "$url"; then
        rm -rf "$tmp"
        __tvm_err "download failed: $url"
        return 1
    fi
    mkdir -p "$dest/bin"
    case $url in
        *.tar.gz | *.tar.xz)
            tar -xf "$tmp/${url##*/}" -C "$dest" --strip-components=1
            [[ -d $dest/bin ]] || mkdir -p "$dest/bin"
            ;;
        *.zip) unzip -q -o "$tmp/${url##*/}" -d "$dest/bin" ;;
        *) install -m 0755 "$tmp/${url##*/}" "$dest/bin/$tool" ;;
    esac
    rm -rf "$tmp"
}

tvm_list() {
    local tool dir v mark
    for dir in "$TVM_HOME"/installs/*/; do
        [[ -d $dir ]] || continue
        tool=${dir%/}
        tool=${tool##*/}
        printf '%s\n' "$tool"
        for v in "$dir"*/; do
            v=${v%/}
            v=${v##*/}
            mark=' '
            [[ ${TVM_ACTIVE[$tool]-} == "$v" ]] && mark='*'
            printf '  %s %s\n' "$mark" "$v"
        done
    done
}

# Rebuild PATH from the original one plus the active versions.
__tvm_apply() {
    local -A wanted=()
    local file tool new_path=''
    file=$(__tvm_find_file)
    [[ -n $file ]] && __tvm_read "$file" wanted

    TVM_ACTIVE=()
    for tool in "${!wanted[@]}"; do
        local bin="$TVM_HOME/installs/$tool/${wanted[$tool]}/bin"
        if [[ -d $bin ]]; then
            new_path+="$bin:"
            TVM_ACTIVE[$tool]=${wanted[$tool]}
        else
            __tvm_err "$tool ${wanted[$tool]} is not installed (tvm install $tool ${wanted[$tool]})"
        fi
    done
    PATH="${new_path}${TVM_ORIG_PATH}"
    hash -r
    __tvm_say "active: $(for t in "${!TVM_ACTIVE[@]}"; do printf '%s@%s ' "$t" "${TVM_ACTIVE[$t]}"; done)"
}

# Called from PROMPT_COMMAND: cheap unless the directory changed.
__tvm_prompt_hook() {
    local rc=$?
    if [[ $PWD != "$__tvm_last_dir" ]]; then
        __tvm_last_dir=$PWD
        __tvm_apply
    fi
    return $rc
}

tvm() {
    local sub=${1:-help}
    (( $# )) && shift
    case $sub in
        install) tvm_install "$@" ;;
        list | ls) tvm_list ;;
        use)
            # tvm use TOOL VERSION -> write it into the nearest .tool-versions
            local file
            file=$(__tvm_find_file)
            [[ -n $file && $file != "$HOME/.tool-versions" ]] || file=$PWD/.tool-versions
            if grep -q "^${1:?tool} " "$file" 2>/dev/null; then
                sed -i.bak "s/^$1 .*/$1 ${2:?version}/" "$file" && rm -f "$file.bak"
            else
                printf '%s %s\n' "$1" "${2:?version}" >>"$file"
            fi
            __tvm_apply
            ;;
        current) for t in "${!TVM_ACTIVE[@]}"; do echo "$t ${TVM_ACTIVE[$t]}"; done ;;
        reload) __tvm_last_dir=''; __tvm_apply ;;
        help | *)
            cat <<'USAGE'
usage: tvm install TOOL VERSION | list | use TOOL VERSION | current | reload
USAGE
            ;;
    esac
}

# Install the hook once, keeping whatever PROMPT_COMMAND already does. Bash
# 5.1 allows PROMPT_COMMAND to be an array.
if [[ $(declare -p PROMPT_COMMAND 2>/dev/null) == "declare -a"* ]]; then
    [[ " ${PROMPT_COMMAND[*]} " == *" __tvm_prompt_hook "* ]] || PROMPT_COMMAND+=(__tvm_prompt_hook)
else
    case ";${PROMPT_COMMAND-};" in
        *";__tvm_prompt_hook;"*) ;;
        *) PROMPT_COMMAND="__tvm_prompt_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
    esac
fi

# Completion for the tvm function itself.
_tvm_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    case $COMP_CWORD in
        1) COMPREPLY=( $(compgen -W "install list use current reload help" -- "$cur") ) ;;
        2) COMPREPLY=( $(compgen -W "${!TVM_URLS[*]}" -- "$cur") ) ;;
        *) COMPREPLY=() ;;
    esac
}
complete -F _tvm_complete tvm
