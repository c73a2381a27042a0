#!/usr/bin/env bash
# .githooks/commit-msg -- enforce the commit message convention.
#
#   <type>(<scope>)?!?: <subject>        max 72 chars, no trailing period
#   <blank line>
#   <body, wrapped at 100>               optional
#   <trailers>                           e.g. Refs: #123, Signed-off-by: ...
#
# Messages are checked in whatever language they are written in; the hook
# counts characters, not bytes, so "修复：登录页面崩溃" is 9 characters.
#
# Git calls this hook with one argument: the path of the message file.

set -euo pipefail
export LC_ALL=C.UTF-8

msg_file=${1:?commit-msg hook expects the message file}
types='feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert'
max_subject=72
max_body=100
errors=()

# Messages for the author, in the language of their locale when we have one.
lang=${LANG:-en}
lang=${lang%%_*}
case $lang in
    de) m_bad_header="Die erste Zeile muss so aussehen: typ(bereich): beschreibung"
        m_too_long="Die erste Zeile ist zu lang"
        m_period="Die erste Zeile endet nicht mit einem Punkt"
        m_blank="Zwischen Betreff und Text gehört eine Leerzeile" ;;
    fr) m_bad_header="La première ligne doit être de la forme : type(portée): résumé"
        m_too_long="La première ligne est trop longue"
        m_period="La première ligne ne se termine pas par un point"
        m_blank="Une ligne vide est requise entre le résumé et le corps" ;;
    ja) m_bad_header="1行目は「type(scope): 要約」の形式にしてください"
        m_too_long="1行目が長すぎます"
        m_period="1行目の末尾にピリオドを付けないでください"
        m_blank="要約と本文の間には空行が必要です" ;;
    ru) m_bad_header="Первая строка должна иметь вид: тип(область): описание"
        m_too_long="Первая строка слишком длинная"
        m_period="Первая строка не должна заканчиваться точкой"
        m_blank="Между заголовком и текстом нужна пустая строка" ;;
    *)  m_bad_header="The first line must look like: type(scope): subject"
        m_too_long="The first line is too long"
        m_period="The first line must not end with a period"
        m_blank="Leave a blank line between the subject and the body" ;;
esac

# Read the message, dropping comment lines and everything below the
# scissors line that `git commit -v` adds.
declare -a lines=()
while IFS= read -r line || [[ -n $line ]]; do
    [[ $line == "# ------------------------ >8 ------------------------" ]] && break
    [[ $line == \#* ]] && continue
    lines+=("$line")
done <"$msg_file"

# Trim trailing empty lines.
while (( ${#lines[@]} )) && [[ -z ${lines[-1]//[[:space:]]/} ]]; do
    unset 'lines[-1]'
done

if (( ${#lines[@]} == 0 )); then
    echo "commit-msg: empty message, aborting" >&2
    exit 1
fi

subject=${lines[0]}

# Let git's own generated messages through untouched.
case $subject in
    Merge\ * | Revert\ \"* | fixup!\ * | squash!\ * | amend!\ *)
        exit 0
        ;;
esac

header_re="^(${types})(\(([a-z0-9/_-]+)\))?(!)?: (.+)$"
if [[ $subject =~ $header_re ]]; then
    type=${BASH_REMATCH[1]}
    scope=${BASH_REMATCH[3]}
    bang=${BASH_REMATCH[4]}
    description=${BASH_REMATCH[5]}
else
    errors+=("$m_bad_header (types: ${types//|/, })")
    type='' scope='' bang='' description=$subject
fi

# ${#var} counts characters in a UTF-8 locale.
if (( ${#subject} > max_subject )); then
    errors+=("$m_too_long (${#subject} > ${max_subject})")
fi
if [[ $description == *. && $description != *... ]]; then
    errors+=("$m_period")
fi
if [[ $description =~ ^[A-Z][a-z] && $type != revert ]]; then
    # "Add thing" -> "add thing"; suggest the fix.
    errors+=("subject should start lower-case: \"${description,}\"")
fi
if (( ${#lines[@]} > 1 )) && [[ -n ${lines[1]} ]]; then
    errors+=("$m_blank")
fi

# Body checks: wrapped lines, except URLs and code blocks.
in_code=0
for (( i = 2; i < ${#lines[@]}; i++ )); do
    l=${lines[i]}
    [[ $l == '```'* ]] && (( in_code ^= 1 ))
    (( in_code )) && continue
    [[ $l =~ https?:// ]] && continue
    if (( ${#l} > max_body )); then
        errors+=("line $((i + 1)) is ${#l} characters (max ${max_body})")
    fi
done

# Breaking changes need an explanation in the footer.
if [[ -n $bang ]] && ! printf '%s\n' "${lines[@]}" | grep -q '^BREAKING CHANGE: '; then
    errors+=("'!' marks a breaking change: add a 'BREAKING CHANGE: ...' trailer")
fi

# Scopes must exist as top-level directories or be in the allow list.
if [[ -n $scope ]]; then
    allowed_scopes=(deps release ci docs)
    if [[ ! -d $scope && ! -d packages/$scope && " ${allowed_scopes[*]} " != *" $scope "* ]]; then
        errors+=("unknown scope '${scope}'")
    fi
fi

if (( ${#errors[@]} )); then
    {
        echo "✖ commit message rejected:"
        printf '    • %s\n' "${errors[@]}"
        echo
        echo "  Your message was saved in ${msg_file}; edit it with:"
        echo "    git commit -e -F ${msg_file@Q}"
    } >&2
    exit 1
fi

# Add an issue reference trailer from the branch name (feature/ABC-123-foo).
branch=$(git symbolic-ref --short -q HEAD || true)
if [[ $branch =~ ([A-Z][A-Z0-9]+-[0-9]+) ]] && ! grep -q "^Refs: ${BASH_REMATCH[1]}\$" "$msg_file"; then
    git interpret-trailers --in-place --trailer "Refs: ${BASH_REMATCH[1]}" "$msg_file"
fi
exit 0
