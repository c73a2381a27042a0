#!/usr/bin/env bash
# Syntax-checks the hand-written parser corpus. Case files are only ever given to `bash -n`,
# `dash -n` and mvdan-sh's parser: none is executed.
#
# bash's verdict on a file is one of
#   ok    bash -n exits 0, prints nothing, and read the whole file
#   warn  bash -n exits 0, read the whole file, but printed warnings (e.g. an unterminated heredoc)
#   err   bash -n exits non-zero, or stopped reading before the end of the file
# "Read the whole file" is checked with a sentinel line appended to a copy: `bash -nv` echoes each
# line as it reads it, and bash 5.2 abandons the rest of a script on a [[ ]] syntax error while
# still exiting 0 (sometimes without printing anything), see errors-status-zero/.
# A file containing a line `shopt -s extglob` is checked with `bash -O extglob -n`: under -n the
# shopt itself never runs, but it would have run before the following lines were parsed.
#
#   constructs/*.sh          bash=ok; mvdan-sh (LangBash) accepts
#   constructs/posix/*.sh    bash=ok; `dash -n` accepts quietly; mvdan-sh (LangPOSIX) accepts
#   accepted/*.sh            bash=ok, whatever mvdan-sh says: real-world shapes nounset must parse
#                            (test/parse/accepted.test.ts); accepted/posix/*.sh also `dash -n` quietly
#   errors/*.sh              bash -n exits non-zero; mvdan-sh rejects
#   errors-status-zero/*.sh  bash -n exits 0 but stops reading (a [[ ]] error); mvdan-sh rejects
#   mvdan-disagrees/*.sh     first line `# expect: bash=V mvdan=W`; both verdicts must still hold
#                            (when mvdan-sh gets fixed, the snippet moves back)
#
# Usage: bash test/corpus/check-cases.sh [-v]     (-v also prints every message)
# Prints one line per file and exits non-zero if any check fails. Needs bash, dash and node.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
verbose=${1-}
sentinel=': __check_cases_sentinel__'

# One node process for all files; prints "<file>\tok" or "<file>\terr\t<message>".
mvdan_all() {
  (cd "$root" && node -e '
    const s = require("mvdan-sh").syntax;
    const fs = require("fs");
    for (const f of process.argv.slice(1)) {
      const lang = f.includes("/posix/") ? s.LangPOSIX : s.LangBash;
      const p = s.NewParser(s.KeepComments(true), s.Variant(lang));
      try {
        p.Parse(fs.readFileSync(f, "utf8"), "f");
        console.log(f + "\tok");
      } catch (e) {
        const msg = e && typeof e.Error === "function" ? e.Error() : String(e);
        console.log(f + "\terr\t" + msg.replace(/\s+/g, " "));
      }
    }' "$@")
}

shopt -s nullglob
files=("$here"/constructs/*.sh "$here"/constructs/posix/*.sh "$here"/accepted/*.sh "$here"/accepted/posix/*.sh "$here"/errors/*.sh
       "$here"/errors-status-zero/*.sh "$here"/mvdan-disagrees/*.sh)
if ((${#files[@]} == 0)); then echo "no case files under $here" >&2; exit 1; fi

declare -A mv_verdict=() mv_msg=()
while IFS=$'\t' read -r f verdict msg; do
  mv_verdict[$f]=$verdict
  mv_msg[$f]=${msg-}
done < <(mvdan_all "${files[@]}")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

npass=0 nfail=0
for f in "${files[@]}"; do
  rel=${f#"$here"/}
  opts=()
  grep -qx 'shopt -s extglob' "$f" && opts=(-O extglob)
  errs=$(bash "${opts[@]}" -n "$f" 2>&1 >/dev/null); brc=$?
  { cat "$f"; printf '\n%s\n' "$sentinel"; } > "$tmp/copy.sh"
  # (not grep -q: exiting early would SIGPIPE bash, and pipefail would report that)
  if bash "${opts[@]}" -nv "$tmp/copy.sh" 2>&1 >/dev/null | grep -xF "$sentinel" >/dev/null; then
    read_all=1
  else
    read_all=0
  fi
  if ((brc != 0 || !read_all)); then bv=err
  elif [[ -n $errs ]]; then bv=warn
  else bv=ok; fi
  mv=${mv_verdict[$f]-missing}
  problems=()
  case $rel in
    constructs/*)
      [[ $bv == ok ]] || problems+=("bash -n: $bv (rc=$brc, read to end=$read_all): $errs")
      if [[ $rel == constructs/posix/* ]]; then
        derrs=$(dash -n "$f" 2>&1 >/dev/null)
        drc=$?
        ((drc == 0)) && [[ -z $derrs ]] || problems+=("dash -n rejects (rc=$drc): $derrs")
      fi
      [[ $mv == ok ]] || problems+=("mvdan-sh rejects (move the snippet to mvdan-disagrees/): ${mv_msg[$f]-}")
      ;;
    accepted/*)
      [[ $bv == ok ]] || problems+=("bash -n: $bv (rc=$brc, read to end=$read_all): $errs")
      if [[ $rel == accepted/posix/* ]]; then
        derrs=$(dash -n "$f" 2>&1 >/dev/null)
        drc=$?
        ((drc == 0)) && [[ -z $derrs ]] || problems+=("dash -n rejects (rc=$drc): $derrs")
      fi
      ;;
    errors/*)
      ((brc != 0)) || problems+=("bash -n exits 0 (read to end=$read_all)")
      [[ $mv == err ]] || problems+=("mvdan-sh accepts (move it to mvdan-disagrees/)")
      ;;
    errors-status-zero/*)
      ((brc == 0 && !read_all)) || problems+=("expected bash -n to exit 0 and stop reading (rc=$brc, read to end=$read_all)")
      [[ $mv == err ]] || problems+=("mvdan-sh accepts (move it to mvdan-disagrees/)")
      ;;
    mvdan-disagrees/*)
      expect=$(sed -n '1s/^# expect: //p' "$f")
      if [[ $expect =~ ^bash=(ok|warn|err)\ mvdan=(ok|err)$ ]]; then
        [[ $bv == "${BASH_REMATCH[1]}" ]] || problems+=("bash verdict is $bv, file says ${BASH_REMATCH[1]}: $errs")
        [[ $mv == "${BASH_REMATCH[2]}" ]] || problems+=("mvdan-sh verdict is $mv, file says ${BASH_REMATCH[2]}: move the snippet back if it now agrees")
      else
        problems+=("first line must be '# expect: bash=ok|warn|err mvdan=ok|err'")
      fi
      ;;
  esac
  if ((${#problems[@]})); then
    nfail=$((nfail + 1))
    printf 'FAIL  %-58s bash=%-4s mvdan=%s\n' "$rel" "$bv" "$mv"
    printf '      %s\n' "${problems[@]}"
  else
    npass=$((npass + 1))
    printf 'ok    %-58s bash=%-4s mvdan=%s\n' "$rel" "$bv" "$mv"
  fi
  if [[ $verbose == -v ]]; then
    [[ -z $errs ]] || printf '      bash: %s\n' "${errs//$'\n'/$'\n      bash: '}"
    [[ -z ${mv_msg[$f]-} ]] || printf '      mvdan: %s\n' "${mv_msg[$f]}"
  fi
done
echo "$npass passed, $nfail failed"
((nfail == 0))
