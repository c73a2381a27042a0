// What the flow analysis adds beyond the verdicts test/flow checks against bash: the reasons an
// unsafe verdict gives (the path, as lines), sourced files followed or not and the
// `sourcedUnknown` option, computed command names, function entry states, and its notes.

import assert from 'node:assert/strict';
import { fixScript, inspectScript } from '../../src/index.js';

const files =
  (map: Record<string, string>) =>
  (p: string): string | null =>
    map[p] ?? null;

function verdictOf(
  text: string,
  name: string,
  line: number,
  options: Parameters<typeof inspectScript>[1] = {},
): { verdict: string; reason: string } {
  const r = inspectScript(text, { path: 'x.sh', ...options }).references.find(
    (x) => x.name === name && x.line === line,
  );
  assert.ok(r, `no read of ${name} on line ${line}`);
  return { verdict: r.verdict, reason: r.reason };
}

describe('flow: reasons name the path', () => {
  it('an input read before any assignment: from line 1, and where it is assigned later', () => {
    const text = 'set -u\necho "$SHIMS"\nSHIMS=x\n';
    assert.match(
      verdictOf(text, 'SHIMS', 2).reason,
      /^SHIMS is read on line 2 with no assignment on the path from line 1 \(it is assigned on line 3, after this read\)/,
    );
  });

  it('a function whose caller is walked after it: every call site, though its walk is not redone', () => {
    // f is walked from line 9's call first; g's walk adds line 6's, with the same entry state:
    // f's walk stands, and its reason takes the new words.
    const text = 'f() {\n  echo "$Y"\n  [ -n "${2:-}" ] || g\n}\ng() {\n  f a b\n}\nX=1\nf\n';
    assert.match(
      verdictOf(text, 'Y', 2).reason,
      /^Y is read on line 2 with no assignment on the path from the calls of f on lines 6, 9;/,
    );
  });

  it('a conditional assignment: the construct, the assignment and the read', () => {
    const text = 'if [ -n "${A:-}" ]; then\n  X=1\nfi\necho "$X"\n';
    assert.match(
      verdictOf(text, 'X', 4).reason,
      /^X is assigned on line 2 only on some paths through the if or case on line 1; it is read on line 4/,
    );
  });

  it('a loop that may not run, an unset, a local without value', () => {
    assert.match(
      verdictOf('for f in $L; do last=$f; done\necho "$last"\n', 'last', 2).reason,
      /through the loop on line 1, which may run zero times/,
    );
    assert.match(verdictOf('X=1\nunset X\necho "$X"\n', 'X', 3).reason, /^X is unset on line 2; it is read on line 3/);
    assert.match(
      verdictOf('f() {\n  local v\n  echo "$v"\n}\nf\n', 'v', 3).reason,
      /declared without a value on line 2/,
    );
  });

  it('inside a function: which call site lacks the assignment', () => {
    const text = 'f() { echo "$G"; }\nf\nG=1\nf\n';
    assert.match(
      verdictOf(text, 'G', 1).reason,
      /^G is assigned on line 3 only on some paths through the calls of f on lines 2, 4/,
    );
    assert.equal(verdictOf('f() { echo "$G"; }\nG=1\nf\nf\n', 'G', 1).verdict, 'safe');
  });

  it('positional parameters: how many every call passes; a word that may vanish does not count', () => {
    const text = 'f() { echo "$1 $2"; }\nf a "$X"\nf b ${Y:-}\n';
    assert.equal(verdictOf(text, '1', 1).verdict, 'safe');
    assert.match(
      verdictOf(text, '2', 1).reason,
      /only 1 argument is guaranteed on the path from the calls of f on lines 2, 3/,
    );
  });
});

describe('flow: sourced files', () => {
  const main = '#!/bin/bash\nset -u\nsource "$(dirname "$0")/lib/env.sh"\necho "$FROM_LIB $MAYBE"\n';
  const lib = 'FROM_LIB=1\nif [ -n "${X:-}" ]; then MAYBE=1; fi\n';

  it('follows a file through $(dirname "$0"): what it assigns on every path counts, the rest does not', () => {
    const readSource = files({ 'bin/lib/env.sh': lib });
    assert.equal(verdictOf(main, 'FROM_LIB', 4, { path: 'bin/run.sh', readSource }).verdict, 'safe');
    assert.match(
      verdictOf(main, 'MAYBE', 4, { path: 'bin/run.sh', readSource }).reason,
      /MAYBE is assigned on line 2 of bin\/lib\/env.sh only on some paths through the if or case on line 2 of bin\/lib\/env.sh/,
    );
    const codes = fixScript(main, { path: 'bin/run.sh', readSource }).diagnostics.map((d) => `${d.line} ${d.code}`);
    assert.deepEqual(codes, ['3 source-followed']);
  });

  it('a file it sources tests whether a name is set: the name stays out of the env-init block', () => {
    // The block's DEBUG="" would make the library trace on runs that never read DEBUG.
    const text =
      '#!/bin/bash\nset -u\nsource "$(dirname "$0")/lib/env.sh"\nif [ "${1:-}" = show ]; then echo "$DEBUG"; fi\n';
    const readSource = files({ 'bin/lib/env.sh': 'if [ -n "${DEBUG+x}" ]; then set -x; fi\n' });
    const r = fixScript(text, { path: 'bin/run.sh', readSource });
    assert.ok(!r.output.includes('DEBUG="${DEBUG:-}"') && r.output.includes('echo "${DEBUG:-}"'), r.output);
    assert.match(
      verdictOf(text, 'DEBUG', 4, { path: 'bin/run.sh', readSource }).reason,
      /a file it sources tests whether DEBUG is set, so it is defaulted here rather than in the env-init block/,
    );
  });

  it('a file it cannot read: later reads are defaulted where they are read (never in the block) and listed; sourcedUnknown leave leaves them', () => {
    // Read after the file, so rewritten where they are read, not in the env-init block (the file
    // may give them defaults of its own with `${X-…}`).
    const fix = fixScript(main, { path: 'bin/run.sh', readSource: files({}) });
    assert.match(fix.output, /echo "\$\{FROM_LIB:-\} \$\{MAYBE:-\}"/);
    assert.doesNotMatch(fix.output, /env-init/);
    const warning = fix.diagnostics.find((d) => d.code === 'source-not-followed');
    assert.equal(warning?.severity, 'warning');
    assert.match(
      warning?.message ?? '',
      /FROM_LIB and MAYBE are read after it and may be set there, so they are defaulted where they are read/,
    );
    assert.match(
      fix.edits[0]?.reason ?? '',
      /FROM_LIB may be set by `"\$\(dirname "\$0"\)\/lib\/env.sh"` on line 3, which nounset cannot see into/,
    );
    const left = fixScript(main, { path: 'bin/run.sh', readSource: files({}), sourcedUnknown: 'leave' });
    assert.equal(left.output, main);
    assert.match(
      left.diagnostics.find((d) => d.code === 'source-not-followed')?.message ?? '',
      /so they are left alone/,
    );
    const asInputs = fixScript(main, { path: 'bin/run.sh', readSource: files({}), sourcedUnknown: 'input' });
    assert.match(asInputs.output, /echo "\$\{FROM_LIB:-\} \$\{MAYBE:-\}"/);
    assert.deepEqual(
      asInputs.inputs.map((i) => i.name),
      ['FROM_LIB', 'MAYBE'],
    );
    assert.deepEqual(
      fix.inputs.map((i) => i.name),
      [],
    );
  });

  it('a # shellcheck source= path not under the script directory is read from the root (sourceRoot), as ShellCheck reads it', () => {
    const junit =
      '#!/usr/bin/env bash\nset -u\n# shellcheck source=lib/bats-core/formatter.bash\nsource "$BATS_ROOT/lib/bats-core/formatter.bash"\necho "$FORMATTER_SET"\n';
    const path = 'libexec/bats-core/bats-format-junit';
    const asked: string[] = [];
    const readSource = (p: string): string | null => {
      asked.push(p);
      return p === 'lib/bats-core/formatter.bash' ? 'FORMATTER_SET=1\n' : null;
    };
    assert.equal(verdictOf(junit, 'FORMATTER_SET', 5, { path, readSource, sourceRoot: '.' }).verdict, 'safe');
    assert.deepEqual(asked, ['libexec/bats-core/lib/bats-core/formatter.bash', 'lib/bats-core/formatter.bash']);
    const codes = fixScript(junit, { path, readSource, sourceRoot: '.' }).diagnostics.map(
      (d) => `${d.line} ${d.code}: ${d.message}`,
    );
    assert.match(codes.join('\n'), /^4 source-followed: .*lib\/bats-core\/formatter\.bash/m);
    // Without sourceRoot (the library's default), only the script's directory.
    const alone = fixScript(junit, { path, readSource });
    assert.match(
      alone.diagnostics.map((d) => d.message).join('\n'),
      /libexec\/bats-core\/lib\/bats-core\/formatter\.bash cannot be read/,
    );
    // Neither place: both are named.
    const none = fixScript(junit, { path, readSource: () => null, sourceRoot: '.' });
    assert.match(
      none.diagnostics.map((d) => d.message).join('\n'),
      /libexec\/bats-core\/lib\/bats-core\/formatter\.bash cannot be read, nor lib\/bats-core\/formatter\.bash/,
    );
  });

  it('without readSource nothing is followed; a cycle is reported, not followed forever', () => {
    assert.equal(verdictOf(main, 'FROM_LIB', 4, { path: 'bin/run.sh', sourcedUnknown: 'leave' }).verdict, 'unknown');
    const cycle = files({ 'a.sh': '. ./b.sh\nA=1\n', 'b.sh': '. ./a.sh\nB=1\n' });
    const text = '. ./a.sh\necho "$A $B"\n';
    const fix = fixScript(text, { path: 'main.sh', readSource: cycle });
    assert.ok(fix.diagnostics.some((d) => d.code === 'source-followed'));
    assert.equal(verdictOf(text, 'A', 2, { path: 'main.sh', readSource: cycle }).verdict, 'safe');
  });

  it('functions a sourced file defines count: a die there ends the path', () => {
    const readSource = files({ 'lib.sh': 'die() { echo "$*" >&2; exit 1; }\n' });
    const text = '. ./lib.sh\n[ -n "${CFG:-}" ] || die "no CFG"\necho "$CFG"\n';
    assert.equal(verdictOf(text, 'CFG', 3, { path: 'main.sh', readSource }).verdict, 'safe');
    assert.equal(verdictOf(text, 'CFG', 3, { path: 'main.sh', sourcedUnknown: 'leave' }).verdict, 'unknown');
  });

  it('a variable a function of a sourced file unsets is defaulted where it is read: the env-init block comes too early', () => {
    const readSource = files({ 'lib.sh': 'clear_x() {\n  unset X\n}\n' });
    const text = '#!/bin/bash\nset -u\n. ./lib.sh\nX=1\nclear_x\necho "$X"\n';
    const fix = fixScript(text, { path: 'main.sh', readSource });
    assert.equal(fix.output, text.replace('echo "$X"', 'echo "${X:-}"'));
    assert.match(fix.edits[0]?.reason ?? '', /^X may be unset by clear_x, called on line 5; it is read on line 6/);
  });

  it('a function unsets what a file it sources unsets, and what a command it runs by a computed name unsets', () => {
    const readSource = files({ 'reset.sh': 'unset X\n' });
    const sourced = 'set -u\nX=1\nreset() { . ./reset.sh; }\nreset\necho "$X"\n';
    assert.equal(verdictOf(sourced, 'X', 5, { path: 'main.sh', readSource }).verdict, 'unsafe');
    const computed = 'set -u\nX=1\ndrop() { unset X; }\nrun() { "$cmd"; }\ncmd=drop\nrun\necho "$X"\n';
    assert.match(verdictOf(computed, 'X', 7).reason, /^X may be unset by run, called on line 6/);
  });
});

describe('flow: computed command names', () => {
  it('"$@" in a function runs what its callers name; other functions keep their entry states', () => {
    const text = 'retry() { "$@"; }\nfetch() { echo "$1"; }\nother() { echo "$1"; }\nretry fetch url\nother x\n';
    // fetch may run from retry with unknown arguments; other is only called with one.
    assert.equal(verdictOf(text, '1', 2).verdict, 'unsafe');
    assert.equal(verdictOf(text, '1', 3).verdict, 'safe');
  });

  it('"$X" runs the values X is assigned; a variable never assigned names an outside command', () => {
    const text = 'build() { echo "$1"; }\nstep=build\n"$step"\n"$TOOL" arg\n';
    assert.equal(verdictOf(text, '1', 1).verdict, 'unsafe');
    const notCalled = 'build() { echo "$1"; }\nbuild x\n"$TOOL" arg\n';
    assert.equal(verdictOf(notCalled, '1', 1).verdict, 'safe');
  });

  it('a computed name with a literal part matches by pattern, and says so', () => {
    const text = 'cmd_a() { echo "$1"; }\ncmd_b() { echo ok; }\nb() { echo "$1"; }\n"cmd_$1" x\nb y\n';
    const fix = fixScript(text, { path: 'x.sh' });
    assert.ok(fix.diagnostics.some((d) => d.code === 'computed-call' && /cmd_a, cmd_b/.test(d.message)));
    assert.equal(verdictOf(text, '1', 3).verdict, 'safe');
  });

  it('`$RUN f` with RUN empty runs f: both words are noted, whichever walk met the call first', () => {
    // getent's completion: `$($1 $db | …)`. The summary walk of _c met the call before the walk
    // that tells notes, and the second word's note was lost.
    const text = 'a() { :; }\n_c() {\n  db=$2\n  out=$($1 $db | cut -f1)\n  echo "$out"\n}\n_c "$@"\n';
    const fix = fixScript(text, { path: 'c.sh' });
    const notes = fix.diagnostics.filter((d) => d.code === 'computed-call').map((d) => `${d.line}:${d.column}`);
    assert.deepEqual(notes, ['4:9', '4:12']);
  });
});

describe('flow: entry points and notes', () => {
  it('a trap handler runs later: what is assigned before the trap and never unset counts', () => {
    const text = 'T=$(mktemp)\ntrap cleanup EXIT\ncleanup() { rm -f "$T" "$LATE"; }\nLATE=1\n';
    assert.equal(verdictOf(text, 'T', 3).verdict, 'safe');
    assert.match(verdictOf(text, 'LATE', 3).reason, /from the trap set on line 2/);
  });

  it('functions nothing calls: one note, checked as if run after the top level', () => {
    const text = 'LEVEL=info\nlog() { echo "$LEVEL: $*"; }\nwarn() { echo "$MSG"; }\n';
    const fix = fixScript(text, { path: 'lib.sh' });
    const notes = fix.diagnostics.filter((d) => d.code === 'function-not-called');
    assert.equal(notes.length, 1);
    assert.match(notes[0]?.message ?? '', /^log and warn are not called in this file/);
    assert.equal(verdictOf(text, 'LEVEL', 2).verdict, 'safe');
  });

  it('eval may assign anything: later reads may be unset (defaulted where read; unknown with sourcedUnknown leave), with a warning', () => {
    const text = 'eval "$(ssh-agent -s)"\necho "$SSH_AUTH_SOCK"\n';
    assert.equal(verdictOf(text, 'SSH_AUTH_SOCK', 2, { sourcedUnknown: 'leave' }).verdict, 'unknown');
    assert.match(
      verdictOf(text, 'SSH_AUTH_SOCK', 2).reason,
      /^SSH_AUTH_SOCK may be set by `eval` on line 1, which nounset cannot see into; defaulted where it is read/,
    );
    assert.ok(
      fixScript(text, { path: 'x.sh' }).diagnostics.some(
        (d) => d.code === 'opaque-assignment' && d.severity === 'warning',
      ),
    );
    // `eval set -- …` only changes the positional parameters.
    assert.equal(verdictOf('eval set -- "$(getopt -o a -- "$@")"\necho "$1 $X"\n', 'X', 2).verdict, 'unsafe');
  });

  it('a literal eval string with escapes is the code bash runs: `eval "unset \\$v"` unsets what v holds', () => {
    // Between double quotes `\$` is `$`: the code is `unset $v`, read as an unset of b.
    const text = 'b=1\nv=b\neval "unset \\$v"\n( echo "$b" )\n';
    assert.match(verdictOf(text, 'b', 4).reason, /^b may be unset on line 3, by an `unset` of a name computed/);
    // `"\$HOME"` is the literal text `$HOME`, no expansion: `eval "X=\$HOME"` reads HOME when it runs.
    assert.equal(verdictOf('X=1\neval "X=\\$HOME"\necho "$X"\n', 'X', 3).verdict, 'safe');
  });

  it('an assignment through a nameref may assign anything: the reason names it', () => {
    const text = 'set_it() {\n  local -n ref=$1\n  ref=on\n  echo "$MODE"\n}\nset_it MODE\n';
    assert.match(
      verdictOf(text, 'MODE', 4).reason,
      /^MODE may be set by an assignment through the nameref ref on line 3, which nounset cannot see into;/,
    );
  });

  it('a CRLF line calling a function alone: a call where the shell ignores \\r, none where it keeps it', () => {
    // `g\r` runs g under Cygwin's igncr or MSYS, where a CRLF script is meant to run, and is no
    // command in bash on Linux: g's reads see its call without arguments, and what g assigns
    // may not be set after the line.
    const text = 'set -u\r\ng() { X=1; echo "$1"; } #\r\ng\r\necho "$X"\r\n';
    assert.match(
      verdictOf(text, '1', 2).reason,
      /^no argument \$1 is guaranteed on the path from the call of g on line 3/,
    );
    assert.match(
      verdictOf(text, 'X', 4).reason,
      /^X is assigned on line 3 only on some paths through the call on line 3, which a shell that keeps the line's `\\r` does not make/,
    );
  });

  it('a CRLF line as a shell that ignores \\r runs it: shift, unset, local take effect, a last word may vanish', () => {
    const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;
    assert.equal(verdictOf(crlf(['set -u', 'f() { shift', 'echo "$1" #', '} #', 'f a']), '1', 3).verdict, 'unsafe');
    assert.equal(verdictOf(crlf(['set -u', 'X=1', 'unset X', 'echo "$X"']), 'X', 4).verdict, 'unsafe');
    assert.equal(
      verdictOf(crlf(['set -u', 'x=1', 'f() { local x', 'echo "$x" #', '} #', 'f']), 'x', 4).verdict,
      'unsafe',
    );
    // `${E:+}\r` is `\r` in bash on Linux, nothing where `\r` is ignored: f may get one argument.
    assert.equal(verdictOf(crlf(['set -u', 'f() { echo "$2"; } #', 'f a ${E:+}']), '2', 2).verdict, 'unsafe');
    // The same lines with LF endings keep what they said.
    assert.equal(verdictOf('set -u\nX=1\nexport X\necho "$X"\n', 'X', 4).verdict, 'safe');
  });

  it("bash-completion's _init_completion sets cur, prev, words and cword when it returns 0 (split with -s)", () => {
    // The contract is run against the real library by npm run check:real (bench/real-corpus.ts).
    // ${#words[@]} needs the array itself, which it sets too.
    const comp = (init: string): string =>
      `_f()\n{\n  local cur prev words cword split\n  ${init}\n  echo "$cur $prev $cword \${words[0]} $split"\n}\ncomplete -F _f f\n`;
    for (const name of ['cur', 'prev', 'cword', 'words', 'split'])
      assert.equal(verdictOf(comp('_init_completion -s || return'), name, 5).verdict, 'safe', name);
    assert.equal(verdictOf(comp('_init_completion || return'), 'cur', 5).verdict, 'safe');
    const length = '_f()\n{\n  local cur prev words cword\n  _init_completion || return\n  echo "${#words[@]}"\n}\n';
    assert.equal(verdictOf(length, 'words', 5).verdict, 'safe');
    assert.equal(verdictOf(comp('_init_completion || return'), 'split', 5).verdict, 'unsafe');
    // Going on when it fails: nothing is known.
    assert.equal(verdictOf(comp('_init_completion'), 'cur', 5).verdict, 'unsafe');
  });

  it('rejects an unknown sourcedUnknown', () => {
    assert.throws(() => fixScript('', { sourcedUnknown: 'maybe' as 'leave' }), /unknown sourcedUnknown: maybe/);
  });
});

describe('flow: callers nounset cannot see (issue 17)', () => {
  it('a library (its top level only defines functions) may be called by another file with no argument', () => {
    const lib = 'greet() { echo "hello $1"; }\nmain_cmd() { greet world; }\n';
    const r = verdictOf(lib, '1', 1);
    assert.equal(r.verdict, 'unsafe');
    assert.match(r.reason, /from the call of greet on line 2 and another file that sources this one/);
    // A script with work of its own at the top level has all its callers in it...
    const script = '#!/bin/bash\ngreet() { echo "hello $1"; }\ngreet world\n';
    assert.equal(verdictOf(script, '1', 2).verdict, 'safe');
    // ... unless the run says another file sources it.
    assert.equal(verdictOf(script, '1', 2, { library: true }).verdict, 'unsafe');
  });

  it('export -f: a child bash may run the function with no argument (bash names the file "environment", so no flow case)', () => {
    const text = 'work() { echo "$1"; }\nexport -f work\nwork a\nbash -u -c work\n';
    const r = verdictOf(text, '1', 1);
    assert.equal(r.verdict, 'unsafe');
    assert.match(r.reason, /a child bash \(it is exported\)/);
  });

  it('complete -F: bash passes three arguments and sets COMP_CWORD, COMP_LINE, COMP_POINT (not COMP_WORDS under compgen)', () => {
    const text = '_f() {\n  echo "$1 $2 $3 $4 $COMP_CWORD ${COMP_WORDS[0]}"\n}\ncomplete -F _f mycmd\n';
    assert.equal(verdictOf(text, '3', 2).verdict, 'safe');
    assert.equal(verdictOf(text, '4', 2).verdict, 'unsafe');
    assert.match(
      verdictOf(text, 'COMP_CWORD', 2).reason,
      /bash sets COMP_CWORD while it runs the completion function registered on line 4/,
    );
    assert.equal(verdictOf(text, 'COMP_WORDS', 2).verdict, 'unsafe');
  });
});

describe('old bash (issue 17): lists that stop a set -u script before bash 4.4', () => {
  // No bash before 5 can be installed here: the facts are the documented ones. bash 4.4's CHANGES:
  // "Using ${a[@]} or ${a[*]} with an array without any assigned elements when the nounset option is
  // enabled no longer throws an unbound variable error." The bash40-028 patch: "$@ and $* are now
  // the only variables, parameters, or special parameters that do not cause errors when unset".
  const text = 'set -u\nargs=()\ncmd "${args[@]}" "$@"\nnames=(a b)\ncmd "${names[@]}"\nf() { cmd "$@"; }\nf x\n';
  it('by default (bash ≥ 4.4) they are safe', () => {
    assert.equal(verdictOf(text, 'args', 3).verdict, 'safe');
    assert.equal(fixScript(text, { path: 'x.sh' }).output, text);
  });
  it('with bashVersion 3.2 an empty array and "$@" with no argument are guarded; a non-empty array and "$@" with an argument are not', () => {
    const out = fixScript(text, { path: 'x.sh', bashVersion: '3.2' }).output;
    assert.equal(
      out,
      'set -u\nargs=()\ncmd ${args[@]+"${args[@]}"} ${@+"$@"}\nnames=(a b)\ncmd "${names[@]}"\nf() { cmd "$@"; }\nf x\n',
    );
    assert.match(
      verdictOf(text, 'args', 3, { bashVersion: '3.2' }).reason,
      /bash 3\.2 stops on `\$\{args\[@\]\}` of an empty array under set -u \(fixed in bash 4\.4\)/,
    );
    // bash 4.0 to 4.3 (`4.0`): the same for arrays.
    assert.match(fixScript(text, { path: 'x.sh', bashVersion: '4.0' }).output, /\$\{args\[@\]\+"\$\{args\[@\]\}"\}/);
  });
  it('a list in a locale string (`$"$@"`) is left for review: a guard would leave the `$` before its `${`, and `:-` gives a word where the list gives none', () => {
    const locale = 'set -u\nc $"$@"\n';
    assert.equal(verdictOf(locale, '@', 2, { bashVersion: '3.2' }).verdict, 'review');
    const r = fixScript(locale, { path: 'x.sh', bashVersion: '3.2' });
    assert.equal(r.output, locale);
    assert.ok(r.diagnostics.some((d) => d.code === 'needs-review' && d.line === 2));
  });
  it('a script that says it runs on bash 3 gets the guard without the option', () => {
    const says = `# works with macOS's /bin/bash\n${text}`;
    assert.match(fixScript(says, { path: 'x.sh' }).output, /\$\{args\[@\]\+"\$\{args\[@\]\}"\}/);
    assert.equal(fixScript(says, { path: 'x.sh', bashVersion: '5' }).output, says);
  });
  it('so does one that handles macOS (its /bin/bash is 3.2); "Darwinism" or prose naming macOS is no sign', () => {
    for (const line of ['case "$(uname -s)" in Darwin) os=mac ;; esac', 'url="x_darwin_amd64.zip"'])
      assert.match(fixScript(`${line}\n${text}`, { path: 'x.sh' }).output, /\$\{args\[@\]\+"\$\{args\[@\]\}"\}/, line);
    for (const line of ['# Darwinism', 'echo "macOS is not supported" >&2']) {
      const not = `${line}\n${text}`;
      assert.equal(fixScript(not, { path: 'x.sh' }).output, not, line);
    }
  });
  it("so does one that runs macOS's own commands, or guards its own lists as only bash before 4.4 needs", () => {
    // auto-mobile#3650: a script that guarded its other arrays with ${a[@]+"${a[@]}"} and `${a[*]-}`
    // stopped on the one it did not, under macOS's bash 3.2.
    for (const line of [
      'n=$(sysctl -n hw.ncpu)',
      'v=$(sw_vers -productVersion)',
      'brew install jq',
      'for x in ${names[@]+"${names[@]}"}; do :; done',
      '[[ -n "${names[*]-}" ]]',
    ])
      assert.match(fixScript(`${line}\n${text}`, { path: 'x.sh' }).output, /\$\{args\[@\]\+"\$\{args\[@\]\}"\}/, line);
    // `:-` gives an empty list a default in any bash, and a function of the script's own is no
    // command of macOS: no sign.
    for (const line of ['echo "${names[@]:-none}"', 'brew() { :; }; brew install jq']) {
      const not = `${line}\n${text}`;
      assert.equal(fixScript(not, { path: 'x.sh' }).output, not, line);
    }
  });
});

describe('flow: what the env-init block cannot cover', () => {
  it('`${#a[@]}` of an input: left for review, not given to the block (whose `a=""` is no array)', () => {
    const text = 'set -u\necho "${#a[@]}" "${#b}"\n';
    const { verdict, reason } = verdictOf(text, 'a', 2);
    assert.equal(verdict, 'review');
    assert.match(reason, /needs a to be an array/);
    assert.equal(verdictOf(text, 'b', 2).verdict, 'unsafe');
    const { output } = fixScript(text, { path: 'x.sh' });
    assert.ok(output.includes('b="${b:-}"') && !output.includes('a="${a:-}"'), output);
  });
});

describe('flow: `${!#}`, the last argument', () => {
  // bash: `${!#}` expands the parameter numbered $#, the last argument, or $0 when there is none.
  it('is always set, with or without arguments', () => {
    const text = 'set -u\necho "${!#}"\nf() { echo "${!#}"; }\nf\n';
    assert.equal(verdictOf(text, '#', 2).verdict, 'safe');
    assert.equal(verdictOf(text, '#', 3).verdict, 'safe');
    assert.equal(fixScript(text, { path: 'x.sh' }).output, text);
  });
});

describe('flow: nested loops', () => {
  it('a nest of 30 loops is walked once per level, not 2^30 times (firehol: 16 in one function)', function () {
    // Each loop walked its body twice, inner loops included: 16 levels took 57 s. A body that
    // unsets nothing the loop started with needs one pass. Hangs, and times out, if that breaks.
    this.timeout(60_000);
    const depth = 30;
    const lines = ['set -u', 'seen=0'];
    for (let i = 0; i < depth; i++) lines.push(`for v${i} in a b; do`);
    lines.push('  echo "$seen $v0 $late"', '  out=$v1');
    for (let i = 0; i < depth; i++) lines.push('done');
    lines.push('late=1', 'echo "$out"');
    const text = `${lines.join('\n')}\n`;
    const inner = depth + 3;
    assert.equal(verdictOf(text, 'seen', inner).verdict, 'safe');
    assert.equal(verdictOf(text, 'late', inner).verdict, 'unsafe');
    // A literal list runs every loop at least once: out is assigned after the nest.
    assert.equal(verdictOf(text, 'out', inner + depth + 3).verdict, 'safe');
  });
});
