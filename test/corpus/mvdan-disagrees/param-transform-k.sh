# expect: bash=ok mvdan=err
# mvdan-sh 0.10.1 rejects this file; bash 5.2 accepts it (bash -n, and it runs).
#
# mvdan-sh says: "invalid @ expansion operator"
#
# ${name[@]@k} (lower-case k, new in bash 5.2) expands an associative array
# to separate key and value words; mvdan-sh 0.10.1 only knows the older
# transformation operators (Q E P A a, and upper-case K).
declare -A env_overrides=([LOG_LEVEL]=debug [WORKERS]=4)
printf '%s=%s\n' "${env_overrides[@]@k}"
