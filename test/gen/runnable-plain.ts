// Programs as most repositories write them, for the behaviour property of issue 16 ("no new
// stops"): most never turn on set -u; they check an argument or an input and then use it, default
// it and then use it, remove paths built from inputs (`rm -rf "$DATA/plugins/$name"`), print line
// numbers ($LINENO, `caller`) and show the failing command in an ERR trap ($BASH_COMMAND). They run
// with and without `-u`, with every input set, each one unset, each one empty, and arguments
// missing. `rm` and `find` are stand-ins that print their arguments (run-batch.ts), so a path that
// changed shows in stdout and nothing is ever removed.
import fc from 'fast-check';

import { type Dialect, pick, weighted } from './grammar.js';
import type { Environment, RunnableCase } from './runnable.js';

/** String inputs the environments set, unset or empty; N1 is a number (set or unset: an empty one
 * is a known limit of `${N:-0}`, docs/how-it-works.md#known-limits). */
const STRINGS = ['E1', 'E2', 'e_3'] as const;
const NUMBER = 'N1';

/** The ERR trap's text of the failing command: nounset's inline edits change it (a documented
 * limit), so the judge compares it as `[[cmd]]`. */
export const COMMAND_MARK = /\[\[cmd:[\s\S]*?:cmd\]\]/g;

interface Ctx {
  readonly isBash: boolean;
  /** Inside a function body: `local`, `return` and `$1` are its own. */
  readonly inFunction: boolean;
}

const input = pick(...STRINGS);
const arg = pick('1', '2');

function statement(c: Ctx): fc.Arbitrary<string> {
  const ref = weighted([4, input.map((n) => `$${n}`)], [2, arg.map((n) => `$${n}`)], [1, input.map((n) => `\${${n}}`)]);
  return weighted(
    // check, then use
    [3, input.map((n) => `if [ -z "$${n}" ]; then\n  ${n}=dflt\nfi\necho "[$${n}]"`)],
    [2, input.map((n) => `[ -n "$${n}" ] || ${n}=other\necho "${n}=$${n}"`)],
    [
      2,
      fc
        .tuple(input, pick('exit 3', c.inFunction ? 'return 4' : 'exit 5'))
        .map(([n, stop]) => `if [ -z "$${n}" ]; then\n  echo "no ${n}" >&2\n  ${stop}\nfi\necho "have $${n}"`),
    ],
    [
      1,
      arg.map(
        (n) => `if [ $# -lt ${n} ]; then\n  echo "usage: need ${n} arguments"\nelse\n  echo "arg ${n}: $${n}"\nfi`,
      ),
    ],
    // default, then use
    [2, input.map((n) => `: "\${${n}:=d3f}"\necho "<$${n}>"`)],
    [2, input.map((n) => `${n}=\${${n}:-fallback}\necho "<$${n}>"`)],
    // plain reads
    [4, fc.tuple(ref, ref).map(([a, b]) => `echo "${a}/${b}"`)],
    [2, ref.map((r) => `printf '<%s>' ${r}; echo`)],
    // destructive commands on derived paths
    [3, ref.map((r) => `rm -rf "${r}/cache"`)],
    [2, ref.map((r) => `rm -f "${r}"`)],
    [2, fc.tuple(ref, pick('tmp', 'plugins/x')).map(([r, sub]) => `dir="${r}"\nrm -rf "$dir/${sub}"`)],
    [1, ref.map((r) => `find "${r}/logs" -name '*.log' -delete`)],
    // calls of the functions below, with or without arguments
    [
      4,
      fc
        .tuple(
          pick('remove_plugin', 'install', 'version', 'flavor'),
          fc.array(weighted([2, ref.map((r) => `"${r}"`)], [1, pick('node', 'x', "''")]), { maxLength: 2 }),
        )
        .map(([f, args]) => [f, ...args].join(' ')),
    ],
    // line numbers and the failing command
    [2, pick('echo "line $LINENO"')],
    [c.isBash ? 2 : 0, pick('where_am_i')],
    [c.isBash ? 1 : 0, input.map((n) => `[ "$${n}" = zz ]`)],
    [c.isBash ? 1 : 0, pick('false')],
    // forms that tell unset from empty: a quoting or replacing transform, and a list built only
    // on some paths, read whole (no word while unset) and as element 0
    [c.isBash ? 1 : 0, input.map((n) => `printf '<%s>' "\${${n}@Q}" "\${${n}/#/pre-}"; echo`)],
    [
      c.isBash ? 2 : 0,
      fc
        .tuple(
          pick('', 'echo "first: $opts"\n'),
          input,
          pick('=', '+='),
          pick(
            `printf '<%s>' "\${opts[@]}" "\${opts[@]/#/--o=}"; echo`,
            'for o in "${opts[@]#-}"; do echo "opt $o"; done',
          ),
          pick('', '\necho "first: $opts"'),
        )
        .map(([before, n, op, list, after]) => `${before}[ -n "$${n}" ] && opts${op}(-v "$${n}")\n${list}${after}`),
    ],
    // arithmetic
    [1, pick(`echo $(( ${NUMBER} + 2 ))`, `echo $(( $${NUMBER} * 2 ))`)],
    [c.isBash ? 1 : 0, pick(`(( ${NUMBER} > 1 )) && echo big || echo small`)],
  );
}

function statements(c: Ctx, min: number, max: number): fc.Arbitrary<string> {
  return fc.array(statement(c), { minLength: min, maxLength: max }).map((ss) => ss.join('\n'));
}

const FUNCTIONS_POSIX = `remove_plugin() {
  name=$1
  if [ -z "$name" ]; then
    echo "no plugin given" >&2
    return 2
  fi
  rm -rf "$DATA/plugins/$name"
}
install() {
  tool=$1
  if [ "$tool" = "" ]; then
    echo "installing everything"
  else
    echo "installing $tool"
  fi
}
version() {
  PATTERN="$1"
  if [ -z "$PATTERN" ]; then
    PATTERN=current
  fi
  echo "version $PATTERN"
}
flavor() {
  case "\${1-}" in
    node | iojs) echo "flavor $1" ;;
    *) echo "flavor other" ;;
  esac
}`;

const WHERE_AM_I = `
where_am_i() {
  local c
  c=$(caller 0)
  echo "called from line \${c%% *}"
}`;

const FUNCTIONS_BASH = `${FUNCTIONS_POSIX.replace('  name=$1', '  local name=$1').replace('  tool=$1', '  local tool=$1').replace('  PATTERN="$1"', '  local PATTERN\n  PATTERN="$1"')}${WHERE_AM_I}
fail_cleanup() {
  local dir
  cleanup() { echo "cleaning up" >&2; rm -rf "$dir"; }
  cleanup
}`;

function program(dialect: Dialect): fc.Arbitrary<string> {
  const isBash = dialect === 'bash';
  return fc
    .tuple(
      pick('', isBash ? '#!/bin/bash\n' : '#!/bin/sh\n'),
      // Three in four never turn set -u on, as in most repositories.
      weighted([6, pick('')], [1, pick('set -u\n')], [1, pick('set -eu\n')]),
      isBash
        ? weighted([1, pick('')], [1, pick(`trap 'echo "ERR on line $LINENO: [[cmd:$BASH_COMMAND:cmd]]"' ERR\n`)])
        : pick(''),
      pick('DATA=/srv/pm\n', ''),
      statements({ isBash, inFunction: false }, 1, 3),
      statements({ isBash, inFunction: true }, 0, 2),
      statements({ isBash, inFunction: false }, 2, 6),
    )
    .map(([shebang, set, trap, data, early, inFn, body]) => {
      // where_am_i reads line numbers (`caller`), which keeps nounset's edits inline: it is
      // defined only where called, so that block style runs too.
      const calls = `${early}\n${inFn}\n${body}`.includes('where_am_i');
      const fns = isBash ? (calls ? FUNCTIONS_BASH : FUNCTIONS_BASH.replace(WHERE_AM_I, '')) : FUNCTIONS_POSIX;
      const main = inFn === '' ? '' : `main() {\n${inFn}\n}\n`;
      const tail = inFn === '' ? '' : '\nmain "$@"';
      return `${shebang}${set}${trap}${data}${early}\n${fns}\n${main}${body}${isBash ? '\nfail_cleanup' : ''}${tail}\necho end\n`;
    });
}

/** Every input set (two arguments); each string input unset, and empty; N1 unset; no arguments;
 * nothing set. */
function environments(): fc.Arbitrary<Environment[]> {
  const value = pick('a', 'a b', '/x', '*', 'node', 'é日本', '-n');
  return fc
    .tuple(
      fc.array(value, { minLength: 3, maxLength: 3 }),
      pick('0', '3', '12'),
      fc.array(value, { minLength: 2, maxLength: 2 }),
    )
    .map(([vals, n, args]) => {
      // DATA too: a program that does not assign it reads it from the environment.
      const all: Record<string, string> = { [NUMBER]: n, DATA: '/data' };
      STRINGS.forEach((s, k) => {
        all[s] = vals[k] ?? 'a';
      });
      const without = (name: string): Record<string, string> =>
        Object.fromEntries(Object.entries(all).filter(([k]) => k !== name));
      return [
        { label: 'all set', vars: all, args },
        ...STRINGS.map((s) => ({ label: `${s} unset`, vars: without(s), args })),
        ...STRINGS.map((s) => ({ label: `${s} empty`, vars: { ...all, [s]: '' }, args })),
        { label: `${NUMBER} unset`, vars: without(NUMBER), args },
        { label: 'no arguments', vars: all, args: [] },
        { label: 'none set', vars: {}, args: [] },
      ];
    });
}

/** Plain programs (most without set -u) with their ten environments; each runs with and without `-u`. */
export function plainCaseArbitrary(dialect: Dialect): fc.Arbitrary<RunnableCase> {
  return fc
    .tuple(program(dialect), environments())
    .map(([program, environments]) => ({ dialect, program, environments }));
}
