#!/usr/bin/env bash
# .githooks/pre-commit -- fast checks on the staged content only.
#
# Enable with:  git config core.hooksPath .githooks
# Skip once:    SKIP=shellcheck,eslint git commit ...   (or git commit --no-verify)
#
# Checks run against the *index*, not the working tree: partially staged
# files are checked out into a temporary tree first.

set -uo pipefail

# Hooks run with GIT_DIR set; keep it, but make sure we are at the top level.
cd "$(git rev-parse --show-toplevel)" || exit 1

readonly MAX_FILE_KB=${PRE_COMMIT_MAX_FILE_KB:-500}
IFS=',' read -r -a skip_list <<<"${SKIP:-}"
declare -A skip=()
for s in "${skip_list[@]}"; do
    [[ -n $s ]] && skip[$s]=1
done

bold=$(tput bold 2>/dev/null || true)
reset=$(tput sgr0 2>/dev/null || true)
status=0

report() { # report CHECK MESSAGE...
    local check=$1
    shift
    printf '%s[%s]%s %s\n' "$bold" "$check" "$reset" "$*" >&2
    status=1
}

enabled() { [[ -z ${skip[$1]+set} ]]; }

# --- the staged file list, NUL-separated so odd names survive --------------
declare -a staged=()
while IFS= read -r -d '' f; do
    staged+=("$f")
done < <(git diff --cached --name-only --diff-filter=ACMR -z)

(( ${#staged[@]} )) || exit 0

# Materialise the index into a temp tree so tools see exactly what will be
# committed.
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
git checkout-index --prefix="$tree/" -- "${staged[@]}" 2>/dev/null \
    || git --work-tree="$tree" checkout-index -a --prefix="$tree/"

by_ext() { # by_ext PATTERN... -> matching staged files (relative), one per line
    local f p
    for f in "${staged[@]}"; do
        for p in "$@"; do
            # shellcheck disable=SC2053  # p is a glob on purpose
            if [[ $f == $p ]]; then
                printf '%s\n' "$f"
                break
            fi
        done
    done
}

# --- 1. no merge conflict markers, no debug leftovers -----------------------
if enabled markers; then
    for f in "${staged[@]}"; do
        [[ -f $tree/$f ]] || continue
        # Skip binary files: grep -I treats them as non-matching.
        if grep -InE '^(<<<<<<<|=======|>>>>>>>)( |$)' -- "$tree/$f" >/dev/null; then
            report markers "conflict markers in $f"
        fi
        case $f in
            *.js | *.ts | *.tsx)
                grep -nE '\b(debugger;|console\.log\()' -- "$tree/$f" | sed "s|^|$f:|" |
                    while IFS= read -r hit; do report debug "$hit"; done
                ;;
            *.py)
                grep -nE '^\s*(breakpoint\(\)|import pdb)' -- "$tree/$f" | sed "s|^|$f:|" >&2 && status=1
                ;;
        esac
    done
fi

# --- 2. file size ------------------------------------------------------------
if enabled size; then
    for f in "${staged[@]}"; do
        [[ -f $tree/$f ]] || continue
        kb=$(( ($(wc -c <"$tree/$f") + 1023) / 1024 ))
        if (( kb > MAX_FILE_KB )); then
            # Allow it when the file is tracked by LFS.
            attr=$(git check-attr filter -- "$f")
            [[ ${attr##*: } == lfs ]] || report size "$f is ${kb} KiB (limit ${MAX_FILE_KB} KiB); use git lfs"
        fi
    done
fi

# --- 3. whitespace, final newline -------------------------------------------
if enabled whitespace; then
    if ! git diff --cached --check >/dev/null; then
        git diff --cached --check >&2
        report whitespace "trailing whitespace or space-before-tab (see above)"
    fi
fi

# --- 4. shellcheck ------------------------------------------------------------
if enabled shellcheck && command -v shellcheck >/dev/null; then
    mapfile -t shell_files < <(by_ext '*.sh' '*.bash' '.githooks/*')
    # Also files without extension whose shebang names a shell.
    for f in "${staged[@]}"; do
        [[ $f == *.* || ! -f $tree/$f ]] && continue
        IFS= read -r first_line <"$tree/$f" || true
        [[ $first_line =~ ^#!.*/(env\ +)?(ba|da|k)?sh ]] && shell_files+=("$f")
    done
    if (( ${#shell_files[@]} )); then
        (cd "$tree" && shellcheck --external-sources --format=gcc -- "${shell_files[@]}") >&2 \
            || report shellcheck "${#shell_files[@]} shell file(s) have findings"
    fi
fi

# --- 5. eslint / prettier on JS and TS ----------------------------------------
if enabled eslint && [[ -x node_modules/.bin/eslint ]]; then
    mapfile -t js_files < <(by_ext '*.js' '*.mjs' '*.cjs' '*.ts' '*.tsx')
    if (( ${#js_files[@]} )); then
        # eslint must run from the repo so it finds the config and plugins;
        # feed it the staged content on stdin, one file at a time.
        for f in "${js_files[@]}"; do
            node_modules/.bin/eslint --max-warnings=0 --stdin --stdin-filename "$f" <"$tree/$f" >&2 \
                || report eslint "$f"
        done
    fi
fi

# --- 6. gofmt -----------------------------------------------------------------
if enabled gofmt && command -v gofmt >/dev/null; then
    mapfile -t go_files < <(by_ext '*.go')
    if (( ${#go_files[@]} )); then
        unformatted=$(cd "$tree" && gofmt -l -- "${go_files[@]}")
        [[ -z $unformatted ]] || report gofmt "not gofmt'ed:"$'\n'"${unformatted}"
    fi
fi

# --- 7. secrets -----------------------------------------------------------------
if enabled secrets; then
    secret_re='(AKIA[0-9A-Z]{16}|-----BEGIN ([A-Z]+ )?PRIVATE KEY-----|xox[baprs]-[0-9A-Za-z-]{10,}|ghp_[0-9A-Za-z]{36})'
    for f in "${staged[@]}"; do
        [[ -f $tree/$f ]] || continue
        case $f in *.lock | *.sum | *.snap) continue ;; esac
        if grep -IqE -- "$secret_re" "$tree/$f"; then
            report secrets "$f looks like it contains a credential"
        fi
    done
fi

if (( status != 0 )); then
    printf '\n%scommit aborted.%s Fix the above, or skip checks with SKIP=name,... git commit\n' "$bold" "$reset" >&2
fi
exit "$status"
