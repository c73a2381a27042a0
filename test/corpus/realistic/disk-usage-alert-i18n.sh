#!/usr/bin/env bash
# disk-alert -- warn logged-in users and the admins when a filesystem fills
# up. Messages are translatable: bash looks up $"..." strings in the message
# catalog named by TEXTDOMAIN (see `bash --dump-po-strings disk-alert`).
#
# Built-in fallbacks for a few languages live in the script itself, so the
# alert is readable even where no catalog is installed.
#
#   disk-alert [-w WARN_PCT] [-c CRIT_PCT] [-x EXCLUDE_FSTYPE]... [-q]

set -o nounset -o pipefail

TEXTDOMAIN=disk-alert
TEXTDOMAINDIR=/usr/share/locale
export TEXTDOMAIN TEXTDOMAINDIR

warn_pct=85
crit_pct=95
quiet=false
exclude=(tmpfs devtmpfs squashfs overlay efivarfs)

while getopts ':w:c:x:q' o; do
    case $o in
        w) warn_pct=$OPTARG ;;
        c) crit_pct=$OPTARG ;;
        x) exclude+=("$OPTARG") ;;
        q) quiet=true ;;
        :) printf $"Option -%s needs a value.\n" "$OPTARG" >&2; exit 2 ;;
        *) printf $"Unknown option: -%s\n" "$OPTARG" >&2; exit 2 ;;
    esac
done

if (( warn_pct >= crit_pct )); then
    echo $"The warning threshold must be below the critical threshold." >&2
    exit 2
fi

# Fallback translations, keyed by "lang:message-id".
declare -A fallback=(
    ["de:warn"]="Achtung: Das Dateisystem %s ist zu %d%% belegt (%s frei)."
    ["de:crit"]="KRITISCH: Das Dateisystem %s ist zu %d%% belegt – nur noch %s frei!"
    ["de:hint"]="Bitte löschen Sie nicht mehr benötigte Dateien in Ihrem Verzeichnis."
    ["fr:warn"]="Attention : le système de fichiers %s est plein à %d %% (%s libres)."
    ["fr:crit"]="CRITIQUE : le système de fichiers %s est plein à %d %% — il reste %s !"
    ["fr:hint"]="Merci de supprimer les fichiers inutiles de votre répertoire."
    ["es:warn"]="Atención: el sistema de archivos %s está al %d%% (%s libres)."
    ["es:crit"]="CRÍTICO: el sistema de archivos %s está al %d%%, ¡solo quedan %s!"
    ["es:hint"]="Por favor, borre los archivos que ya no necesite."
    ["pl:warn"]="Uwaga: system plików %s jest zajęty w %d%% (wolne: %s)."
    ["pl:crit"]="KRYTYCZNE: system plików %s jest zajęty w %d%%, zostało tylko %s!"
    ["pl:hint"]="Proszę usunąć niepotrzebne pliki ze swojego katalogu."
    ["zh:warn"]="警告：文件系统 %s 已使用 %d%%（剩余 %s）。"
    ["zh:crit"]="严重：文件系统 %s 已使用 %d%%，仅剩 %s！"
    ["zh:hint"]="请删除您目录中不再需要的文件。"
    ["el:warn"]="Προσοχή: το σύστημα αρχείων %s είναι γεμάτο κατά %d%% (ελεύθερα %s)."
    ["el:crit"]="ΚΡΙΣΙΜΟ: το σύστημα αρχείων %s είναι γεμάτο κατά %d%% — μένουν μόνο %s!"
    ["el:hint"]="Παρακαλώ διαγράψτε αρχεία που δεν χρειάζεστε πια."
)

# msg ID LANG -> printf format. Prefers the gettext catalog via $"...",
# then the fallback table, then English.
msg() {
    local id=$1 lang=$2 s
    case $id in
        warn) s=$"Warning: filesystem %s is %d%% full (%s free)." ;;
        crit) s=$"CRITICAL: filesystem %s is %d%% full, only %s left!" ;;
        hint) s=$"Please delete files you no longer need from your directory." ;;
    esac
    # $"..." returns the English text unchanged when no catalog matched.
    if [[ $s == Warning:* || $s == CRITICAL:* || $s == Please* ]]; then
        s=${fallback["$lang:$id"]:-$s}
    fi
    printf '%s' "$s"
}

human() { # bytes -> "1.5G"
    numfmt --to=iec --suffix=B --format='%.1f' "$1" 2>/dev/null || echo "${1}B"
}

# user_lang USER -> two-letter language from the user's ~/.config/locale.conf
# or /etc/default/locale, falling back to "en".
user_lang() {
    local home lang=''
    home=$(getent passwd "$1" | cut -d: -f6)
    if [[ -r $home/.config/locale.conf ]]; then
        lang=$(sed -n 's/^LANG=//p' "$home/.config/locale.conf")
    fi
    lang=${lang:-${LANG:-en_US.UTF-8}}
    lang=${lang%%[_.@]*}
    echo "${lang:-en}"
}

notify_users() { # notify_users LEVEL MOUNT PCT AVAIL
    local level=$1 mount=$2 pct=$3 avail=$4 u tty lang text
    who | while read -r u tty _; do
        lang=$(user_lang "$u")
        # shellcheck disable=SC2059  # the format comes from msg
        text=$(printf "$(msg "$level" "$lang")" "$mount" "$pct" "$avail")
        text+=$'\n'$(msg hint "$lang")
        # write(1) talks to a tty; ignore users with mesg n.
        printf '\a%s\n' "$text" | write "$u" "$tty" 2>/dev/null || true
    done
}

worst=0
declare -a report=()
ex_re="^($(IFS='|'; echo "${exclude[*]}"))$"

while read -r fs type size used avail pct mount; do
    [[ $type =~ $ex_re ]] && continue
    pct=${pct%\%}
    [[ $pct =~ ^[0-9]+$ ]] || continue
    level=''
    if (( pct >= crit_pct )); then
        level=crit
        worst=2
    elif (( pct >= warn_pct )); then
        level=warn
        (( worst < 1 )) && worst=1
    fi
    [[ -n $level ]] || continue
    avail_h=$(human $(( avail * 1024 )))
    # shellcheck disable=SC2059
    report+=("$(printf "$(msg "$level" en)" "$mount" "$pct" "$avail_h") [$fs]")
    [[ $quiet == true ]] || notify_users "$level" "$mount" "$pct" "$avail_h"
done < <(df -P -T -k | tail -n +2)

if (( ${#report[@]} )); then
    printf '%s\n' "${report[@]}"
    if command -v mail >/dev/null && [[ -n ${ALERT_MAIL:-} ]]; then
        subject=$"disk space alert"
        printf '%s\n' "${report[@]}" | mail -s "$(hostname): ${subject} ⚠️" "$ALERT_MAIL"
    fi
fi

# Exit codes follow the Nagios convention: 0 ok, 1 warning, 2 critical.
exit "$worst"
