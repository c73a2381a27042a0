#!/usr/bin/env bash
# Syntax-checks the shell corpus under test/corpus/ and the bundled demo
# script. It never runs a corpus script: only `bash -n`, `dash -n` and the
# mvdan-sh parser (the oracle) look at them.
#
#   test/corpus/realistic/*.sh|*.bash   bash -n, mvdan-sh LangBash, 80-500 lines
#   test/corpus/realistic/posix/*.sh    dash -n, bash -n, mvdan-sh LangPOSIX,
#                                       #!/bin/sh shebang, 80-500 lines
#   (files where mvdan-sh and bash disagree live in test/corpus/mvdan-disagrees/,
#    checked by check-cases.sh against their `# expect:` header)
#   test/corpus/bash-n-rejects/*.sh     valid bash that plain `bash -n` rejects
#                                       (e.g. extglob in a case pattern: -n does
#                                       not execute `shopt -s extglob`). Checked
#                                       with `bash -O extglob -n` and mvdan-sh;
#                                       plain `bash -n` must still fail.
#   examples/kata-deploy.sh             bash -n, mvdan-sh LangBash
#
# Every file: valid UTF-8, no CR, ends with "\n" -- except files named
# no-final-newline.sh, which must NOT end with a newline.
#
# Usage: test/corpus/check-corpus.sh        (from anywhere; needs node_modules)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

corpus=test/corpus
passed=0
failed=0
declare -a failures=()

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	failures+=("$1")
	printf 'FAIL %s\n' "$1" >&2
}

# One node process parses every file; it prints "ok FILE" or "err FILE: MSG".
mvdan_check() { # $1 = bash|posix, rest = files
	local lang=$1
	shift
	(($# > 0)) || return 0
	node -e '
const sh = require("mvdan-sh").syntax;
const fs = require("fs");
const [lang, ...files] = process.argv.slice(1);
const variant = lang === "posix" ? sh.LangPOSIX : sh.LangBash;
for (const f of files) {
  const p = sh.NewParser(sh.KeepComments(true), sh.Variant(variant));
  try {
    p.Parse(fs.readFileSync(f, "utf8"), f);
    console.log("ok " + f);
  } catch (e) {
    const msg = e && typeof e.Error === "function" ? e.Error() : String(e);
    console.log("err " + f + ": " + msg.replace(/\n/g, " "));
  }
}' "$lang" "$@"
}

check_bytes() { # $1 = file
	local f=$1 last
	if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
		fail "$f: not valid UTF-8"
		return
	fi
	if grep -q $'\r' "$f"; then
		fail "$f: contains CR characters"
		return
	fi
	last=$(tail -c 1 "$f" | od -An -c | tr -d ' ')
	if [[ $(basename "$f") == no-final-newline.sh ]]; then
		[[ $last != '\n' ]] || { fail "$f: should not end with a newline"; return; }
	else
		[[ $last == '\n' ]] || { fail "$f: does not end with a newline"; return; }
	fi
	pass
}

check_lines() { # $1 = file
	local n
	n=$(awk 'END { print NR }' "$1")
	if ((n < 80 || n > 500)); then
		fail "$1: $n lines, want 80-500"
	else
		pass
	fi
}

check_mvdan_results() { # $1 = expect ok|err ; stdin = mvdan_check output
	local want=$1 status rest
	while read -r status rest; do
		if [[ $status == "$want" ]]; then
			pass
		elif [[ $want == ok ]]; then
			fail "mvdan-sh rejects $rest"
		else
			fail "mvdan-sh now accepts ${rest%%:*}; move its construct into realistic/"
		fi
	done
}

shopt -s nullglob
bash_files=("$corpus"/realistic/*.sh "$corpus"/realistic/*.bash)
posix_files=("$corpus"/realistic/posix/*.sh)
bashn_files=("$corpus"/bash-n-rejects/*.sh)
example_files=(examples/kata-deploy.sh)

((${#bash_files[@]} > 0)) || fail "no bash files in $corpus/realistic"
((${#posix_files[@]} > 0)) || fail "no POSIX files in $corpus/realistic/posix"

for f in "${bash_files[@]}" "${example_files[@]}"; do
	if out=$(bash -n "$f" 2>&1); then pass; else fail "bash -n $f: $out"; fi
done

for f in "${posix_files[@]}"; do
	if out=$(dash -n "$f" 2>&1); then pass; else fail "dash -n $f: $out"; fi
	if out=$(bash -n "$f" 2>&1); then pass; else fail "bash -n $f: $out"; fi
	if [[ $(head -n 1 "$f") == '#!/bin/sh' ]]; then pass; else fail "$f: shebang is not #!/bin/sh"; fi
done

for f in "${bashn_files[@]}"; do
	if out=$(bash -O extglob -n "$f" 2>&1); then pass; else fail "bash -O extglob -n $f: $out"; fi
	if bash -n "$f" >/dev/null 2>&1; then
		fail "plain bash -n now accepts $f; move it into realistic/"
	else
		pass
	fi
done

for f in "${bash_files[@]}" "${posix_files[@]}"; do
	check_lines "$f"
done

for f in "${bash_files[@]}" "${posix_files[@]}" "${bashn_files[@]}" "${example_files[@]}"; do
	check_bytes "$f"
done

check_mvdan_results ok < <(mvdan_check bash "${bash_files[@]}" "${bashn_files[@]}" "${example_files[@]}")
check_mvdan_results ok < <(mvdan_check posix "${posix_files[@]}")

total_bytes=$(cat "${bash_files[@]}" "${posix_files[@]}" | wc -c)
printf 'corpus: %d bash + %d POSIX files, %d bytes; %d bash-n-rejects\n' \
	"${#bash_files[@]}" "${#posix_files[@]}" "$total_bytes" "${#bashn_files[@]}"
if ((failed > 0)); then
	printf '  %s\n' "${failures[@]}"
fi
printf 'corpus: %d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
