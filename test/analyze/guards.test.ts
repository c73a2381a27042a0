// What a condition shows when it passes or fails (src/analyze/guards.ts). Each row is also asked
// of the shells: the condition runs under every combination of X, Y and the positional
// parameters below, and every fact reported for the outcome it had must hold in that state.

import assert from 'node:assert/strict';
import { addedFacts, conditionFacts, stmtFacts } from '../../src/analyze/guards.js';
import type { Fact } from '../../src/analyze/model.js';
import { parse, type Stmt } from '../../src/parse/index.js';
import { mapLimit, PARALLEL_SHELLS, runShell, type ShellName } from '../support/shells.js';
import { UNIT_TIER } from '../support/tier.js';

interface Row {
  readonly cond: string;
  /** Facts when true / false: a name is `set`, `#n` is `$# >= n`. */
  readonly t?: readonly string[];
  readonly f?: readonly string[];
  /** POSIX sh too: parsed as posix as well, and run by dash as well as bash. */
  readonly sh?: boolean;
  /** dash's `[` has no such operator: an error, so never true there. */
  readonly dashNeverTrue?: boolean;
}

const ROWS: readonly Row[] = [
  // [ ] and test: the forms that are non-empty only when the name is set
  { cond: '[ -n "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X-}" ]', t: ['X'], sh: true },
  { cond: '[ -n "$X" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X}" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X+x}" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X:+x}" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X:-""}" ]', t: ['X'], sh: true },
  { cond: '[ -n "${X:-}""" ]', t: ['X'], sh: true },
  { cond: '[ -z "${X:-}" ]', f: ['X'], sh: true },
  { cond: '[ -z "${X+x}" ]', f: ['X'], sh: true },
  { cond: 'test -n "${X:-}"', t: ['X'], sh: true },
  { cond: 'test -z "$X"', f: ['X'], sh: true },
  { cond: '[ "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ ! "${X:-}" ]', f: ['X'], sh: true },
  { cond: '[ ! -z "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ ! -n "${X:-}" ]', f: ['X'], sh: true },
  { cond: '! [ -n "${X:-}" ]', f: ['X'], sh: true },
  { cond: '! [ -z "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ "${X:-}" = v ]', t: ['X'], sh: true },
  { cond: '[ v = "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ "${X:-}" = "v w" ]', t: ['X'], sh: true },
  { cond: '[ "${X:-}" != v ]', f: ['X'], sh: true },
  { cond: '[ "${X:-}" == v ]', t: ['X'], sh: true, dashNeverTrue: true },
  { cond: '[ ! "${X:-}" = v ]', f: ['X'], sh: true },
  { cond: '[ \\( -n "${X:-}" \\) ]', t: ['X'], sh: true },
  { cond: '[ -v X ]', t: ['X'], sh: true, dashNeverTrue: true },
  { cond: '[ -f "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ -d "${X:-}" ]', t: ['X'], sh: true },
  { cond: '[ -e "$X" ]', t: ['X'], sh: true },
  { cond: '[ -n "${1:-}" ]', t: ['1', '#1'], sh: true },
  { cond: '[ -z "${2-}" ]', f: ['2', '#2'], sh: true },
  { cond: '[ -n "${2+x}" ]', t: ['2', '#2'], sh: true },
  { cond: '[ "$X" -a "$Y" ]', t: ['X', 'Y'], sh: true },
  { cond: '[ "$X" -o "$Y" ]', sh: true },
  // unquoted: an unset X leaves no argument (`[ ]` false, `[ -z ]` true, `[ -n ]` true)
  { cond: '[ -z $X ]', f: ['X'], sh: true },
  { cond: 'test -z ${1:-}', f: ['1', '#1'], sh: true },
  { cond: '[ $X ]', t: ['X'], sh: true },
  { cond: '[ -n $X ]', sh: true },
  { cond: '[ $X = v ]', sh: true },
  { cond: '[ "$X" != $Y ]', sh: true },
  // forms that say nothing
  { cond: '[ -n "${X:-a}" ]', sh: true },
  { cond: '[ -n "${X-a}" ]', sh: true },
  { cond: '[ -n "${X:-$Y}" ]', sh: true },
  { cond: '[ -n "$X$Y" ]', sh: true },
  { cond: '[ -n "${X:-}${Y:-}" ]', sh: true },
  { cond: '[ -n "x${X:-}" ]', sh: true },
  { cond: '[ -n "${#X}" ]', sh: true },
  { cond: '[ "${X:-}" = "" ]', sh: true },
  { cond: '[ "${X:-}" = "$Y" ]', sh: true },
  { cond: '[ "${X:-}" = * ]', sh: true },
  { cond: '[ -n "${X:-}" ', sh: true },
  { cond: 'X=v [ -n "$X" ]', sh: true },
  // -a / -o: more than four arguments; a value like `=` can make `[` fail, so false says nothing
  { cond: '[ -n "$X" -a -n "$Y" ]', t: ['X', 'Y'], sh: true },
  { cond: '[ -n "$X" -a "$#" -gt 1 ]', t: ['X', '#2'], sh: true },
  { cond: '[ "$#" -gt 0 -a -n "$1" ]', t: ['1', '#1'], sh: true },
  { cond: '[ -n "$X" -a -n "$Y" -a -n "${1:-}" ]', t: ['X', 'Y', '1', '#1'], sh: true },
  { cond: 'test ! -z "$X" -a ! -z "$Y"', t: ['X', 'Y'], sh: true },
  { cond: '[ \\( -n "$X" -o -n "$Y" \\) -a -n "$X" ]', t: ['X'], sh: true },
  { cond: '[ -n "$X" -o -n "$Y" ]', sh: true },
  { cond: '[ -z "$X" -o -z "$Y" ]', sh: true },
  { cond: '[ "$X" = v -a -n "$Y" ]', sh: true },
  { cond: '[ -n "$X" -a "$Y" ]', sh: true },
  // $# in [ ]
  { cond: '[ "$#" -ge 2 ]', t: ['#2'], sh: true },
  { cond: '[ $# -gt 1 ]', t: ['#2'], sh: true },
  { cond: '[ "$#" -eq 2 ]', t: ['#2'], sh: true },
  { cond: '[ "$#" -eq 0 ]', f: ['#1'], sh: true },
  { cond: '[ "$#" -ne 0 ]', t: ['#1'], sh: true },
  { cond: '[ "$#" -lt 2 ]', f: ['#2'], sh: true },
  { cond: '[ "$#" -le 2 ]', f: ['#3'], sh: true },
  { cond: '[ 2 -le "$#" ]', t: ['#2'], sh: true },
  { cond: '[ 0 -lt ${#} ]', t: ['#1'], sh: true },
  { cond: '[ ! "$#" -eq 0 ]', t: ['#1'], sh: true },
  { cond: '[ "$#" -ge 0 ]', sh: true },
  { cond: '[ "$#" -ge 02 ]', sh: true },
  { cond: '[ "$#" -ge "$Y" ]', sh: true },
  // [[ ]]
  { cond: '[[ -v X ]]', t: ['X'] },
  { cond: '[[ -v 2 ]]', t: ['2', '#2'] },
  { cond: '[[ $X ]]', t: ['X'] },
  { cond: '[[ -n $X ]]', t: ['X'] },
  { cond: '[[ -n "${X:-}" ]]', t: ['X'] },
  { cond: '[[ -z ${X:-} ]]', f: ['X'] },
  { cond: '[[ ! -z $X ]]', t: ['X'] },
  { cond: '[[ ! $X ]]', f: ['X'] },
  { cond: '[[ -f ${X:-} ]]', t: ['X'] },
  { cond: '[[ ${X:-} == v ]]', t: ['X'] },
  { cond: '[[ ${X:-} = v* ]]', t: ['X'] },
  { cond: '[[ ${X:-} == "*" ]]', t: ['X'] },
  { cond: '[[ ${X:-} != v ]]', f: ['X'] },
  { cond: '[[ v == ${X:-} ]]', t: ['X'] },
  { cond: '[[ ${X:-} == * ]]' },
  { cond: '[[ ${X:-} == ?(v) ]]' },
  { cond: '[[ ${X:-} == "" ]]' },
  { cond: '[[ ${X:-} == $Y ]]' },
  // A match that passed set BASH_REMATCH's element 0; one that failed emptied it.
  { cond: '[[ ${X:-} =~ v ]]', t: ['BASH_REMATCH'] },
  { cond: '! [[ ${X:-} =~ (v) ]]', f: ['BASH_REMATCH'] },
  { cond: '[[ -n ${X:-w} ]]' },
  { cond: '[[ -n $X && -n $Y ]]', t: ['X', 'Y'] },
  { cond: '[[ ( -n $X ) && -n $Y ]]', t: ['X', 'Y'] },
  { cond: '[[ -z $X || -z $Y ]]', f: ['X', 'Y'] },
  { cond: '[[ -n $X || -n $Y ]]' },
  { cond: '[[ -n ${1:-} || $# -gt 1 ]]', t: ['1', '#1'] },
  // in [[ ]] a failing part is only false: `"a b" -eq 1` fails, then -z $Y runs
  { cond: '[[ $X -eq 1 || -z $Y ]]', f: ['Y'] },
  { cond: '[[ ! $X -eq 1 && -n $Y ]]', t: ['Y'] },
  { cond: '[[ $# -ge 2 ]]', t: ['#2'] },
  { cond: '[[ $# -lt 1 ]]', f: ['#1'] },
  { cond: '[[ 3 -gt $# ]]', f: ['#3'] },
  { cond: '[[ "$#" -ne 0 ]]', t: ['#1'] },
  { cond: '[[ $# > 1 ]]' },
  // (( ))
  { cond: '(( $# ))', t: ['#1'] },
  { cond: '(( ${#} ))', t: ['#1'] },
  { cond: '(( $# > 0 ))', t: ['#1'] },
  { cond: '(( $# >= 2 ))', t: ['#2'] },
  { cond: '(( $# < 2 ))', f: ['#2'] },
  { cond: '(( $# == 0 ))', f: ['#1'] },
  { cond: '(( $# != 0 ))', t: ['#1'] },
  { cond: '(( ! $# ))', f: ['#1'] },
  { cond: '(( 1 < $# ))', t: ['#2'] },
  { cond: '(( ($# > 2) ))', t: ['#3'] },
  { cond: '(( $# > 0 && $# < 3 ))', t: ['#1'] },
  { cond: '(( $# < 1 || $# > 5 ))', f: ['#1'] },
  { cond: '(( $# > 1 && ${#X} ))', t: ['#2'] },
  { cond: '(( $# < 2 || x ))' },
  { cond: '(( $# - 1 ))' },
  // lists, blocks, && and ||
  { cond: '[ -n "$X" ] && [ -n "$Y" ]', t: ['X', 'Y'], sh: true },
  { cond: '[ -z "$X" ] || [ -z "$Y" ]', f: ['X', 'Y'], sh: true },
  { cond: '[ -n "$X" ] || [ -n "$Y" ]', sh: true },
  { cond: '[ -z "${1:-}" ] || [ "$#" -gt 3 ]', f: ['1', '#1'], sh: true },
  { cond: '[ -n "${1:-}" ] || [ "$#" -gt 3 ]', t: ['1', '#1'], sh: true },
  { cond: '[ -n "$X" ] && true', t: ['X'], sh: true },
  { cond: '[ -z "$X" ] || false', f: ['X'], sh: true },
  { cond: '! [ -z "$X" ] && ! [ -z "$Y" ]', t: ['X', 'Y'], sh: true },
  { cond: '[ -n "$X" ] && unset X', sh: true },
  { cond: '[ -n "$X" ] && { unset X; true; }', sh: true },
  { cond: '[ "$#" -gt 0 ] && shift', sh: true },
  { cond: '[ -n "${1:-}" ] && shift', sh: true },
  { cond: '[ -z "$X" ] || unset X', sh: true },
  { cond: 'true; [ -n "$X" ]', t: ['X'], sh: true },
  { cond: '[ -n "$X" ]; true', sh: true },
  { cond: '{ [ -n "$X" ]; }', t: ['X'], sh: true },
  { cond: '{ true; [ -z "$X" ]; }', f: ['X'], sh: true },
  { cond: '! { [ -n "$X" ] && [ -n "$Y" ]; }', f: ['X', 'Y'], sh: true },
  { cond: '( [ -n "$X" ] )', sh: true },
  { cond: '[ -n "$X" ] | cat', sh: true },
  { cond: '[ -n "$X" ] &', sh: true },
  // redirections: a failing one makes the status 1 without running the test
  { cond: '[ -z "$X" ] </dev/null', f: ['X'], sh: true },
  { cond: '[ -z "$X" ] <"${Y:-}"', sh: true },
  { cond: '[ -n "$X" ] <"${Y:-}"', t: ['X'], sh: true },
  { cond: '! [ -n "$X" ] <"${Y:-}"', f: ['X'], sh: true },
];

/** A fact as the table writes it. */
function show(fact: Fact): string {
  return fact.kind === 'set' ? fact.name : fact.kind === 'argc' ? `#${fact.min}` : 'impossible';
}

function factsOf(cond: string, dialect: 'bash' | 'posix'): { t: string[]; f: string[] } {
  const r = conditionFacts(parse(`${cond}\n`, { dialect, path: 'x.sh' }).stmts);
  return { t: r.whenTrue.map(show), f: r.whenFalse.map(show) };
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('conditionFacts', () => {
  for (const row of ROWS) {
    it(`${row.cond}: true ${JSON.stringify(row.t ?? [])}, false ${JSON.stringify(row.f ?? [])}`, () => {
      for (const dialect of row.sh === true ? (['bash', 'posix'] as const) : (['bash'] as const)) {
        const got = factsOf(row.cond, dialect);
        assert.deepEqual(
          { t: sorted(got.t), f: sorted(got.f) },
          { t: sorted(row.t ?? []), f: sorted(row.f ?? []) },
          dialect,
        );
      }
    });
  }

  it('gives a positional name with its count, sorted and without duplicates', () => {
    const r = conditionFacts(parse('[ -n "${2:-}" ] && [ -n "$X" ] && [ -n "${2+x}" ] && [ "$#" -gt 0 ]\n').stmts);
    assert.deepEqual(r.whenTrue, [
      { kind: 'set', name: '2' },
      { kind: 'set', name: 'X' },
      { kind: 'argc', min: 2 },
    ]);
  });

  it('merges the names of every link of a long && chain, each once and sorted, asked link by link', () => {
    const names = Array.from({ length: 300 }, (_, i) => `V${(i * 7) % 300}`);
    const chain = parse(`${names.map((n) => `[ -n "$${n}" ]`).join(' && ')} && [ -n "$V0" ]\n`).stmts;
    // The model asks each left side in turn (collect.ts): the prefixes, innermost first.
    const prefixes: Stmt[] = [];
    for (let s = chain[0]; s?.cmd?.type === 'BinaryCmd'; s = s.cmd.x) prefixes.push(s.cmd.x);
    for (const p of prefixes.reverse()) stmtFacts(p);
    const expected = [...new Set(names)].sort().map((name) => ({ kind: 'set', name }));
    assert.deepEqual(conditionFacts(chain).whenTrue, expected);
  });

  it('merges a whole condition of 5,000 links asked at once, from the last link that may undo them', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `V${(i * 7) % 5000}`);
    const tests = names.map((n) => `[ -n "$${n}" ]`);
    const whenTrue = (links: readonly string[]) => conditionFacts(parse(`${links.join(' && ')}\n`).stmts).whenTrue;
    const set = (list: readonly string[]) => [...new Set(list)].sort().map((name) => ({ kind: 'set', name }));
    // An `if` condition asks only its whole chain: 2,000 links overflowed the stack.
    assert.deepEqual(whenTrue([...tests, '[ "$#" -gt 1 ]', '[ -n "$V0" ]']), [...set(names), { kind: 'argc', min: 2 }]);
    // f may unset any of the names before it: only the tests after it count.
    assert.deepEqual(whenTrue([...tests.slice(0, 2500), 'f', ...tests.slice(2500)]), set(names.slice(2500)));
  });

  it('reads a test of 20,000 links in [[ ]], [ ] and (( )) without a recursion per link', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `V${i}`);
    const set = names
      .slice()
      .sort()
      .map((name) => ({ kind: 'set', name }));
    const whenTrue = (code: string) => conditionFacts(parse(`${code}\n`).stmts).whenTrue;
    // Each overflowed the stack in the conversion to conditions or their evaluation.
    assert.deepEqual(whenTrue(`[[ ${names.map((n) => `-n $${n}`).join(' && ')} ]]`), set);
    assert.deepEqual(whenTrue(`[ ${names.map((n) => `-n "$${n}"`).join(' -a ')} ]`), set);
    const argc = whenTrue(`(( ${names.map(() => '$# > 2').join(' && ')} || $# > 5 ))`);
    assert.deepEqual(argc, [{ kind: 'argc', min: 3 }]);
  });

  it('gives what a pure link adds to the facts before it, and nothing after a link that may undo them', () => {
    const facts = (code: string, op: '&&' | '||') => {
      const [x] = parse(`${code}\n`).stmts;
      const added = x && addedFacts(x, op);
      return added && (op === '&&' ? added.whenTrue : added.whenFalse);
    };
    // Left side `p && y` of the next link: y's facts; p's hold already where y ran (walk.ts).
    assert.deepEqual(facts('[ -n "$X" ] && [ -n "$Y" ]', '&&'), [{ kind: 'set', name: 'Y' }]);
    assert.deepEqual(facts('[ -z "$X" ] || [ -z "$Y" ]', '||'), [{ kind: 'set', name: 'Y' }]);
    // y may unset X (a command, a function): the link's facts are y's alone, applied in full.
    assert.equal(facts('[ -n "$X" ] && unset X', '&&'), null);
    assert.equal(facts('[ -n "$X" ] && f', '&&'), null);
    // Another operator, a redirection or `!` on the left side: not a chain of one operator.
    assert.equal(facts('[ -n "$X" ] || [ -n "$Y" ]', '&&'), null);
    assert.equal(facts('[ -n "$X" ]', '&&'), null);
    // And the left side's facts are exactly the link before it's and these.
    const chain = parse('[ -n "$A" ] && [ -n "$C" ] && [ -n "$B" ] && echo\n').stmts[0];
    const x = chain?.cmd?.type === 'BinaryCmd' ? chain.cmd.x : undefined;
    const p = x?.cmd?.type === 'BinaryCmd' ? x.cmd.x : undefined;
    assert.ok(x && p);
    const names = (f: readonly Fact[]) => f.map((n) => (n.kind === 'set' ? n.name : n.kind)).sort();
    assert.deepEqual(
      names(stmtFacts(x).whenTrue),
      [
        ...names(stmtFacts(p).whenTrue),
        ...names(facts('[ -n "$A" ] && [ -n "$C" ] && [ -n "$B" ]', '&&') ?? []),
      ].sort(),
    );
  });

  it('keeps a positional name one path sets and the other covers by its count', () => {
    const r = conditionFacts(
      parse('{ [ -n "$X" ] && [ "$#" -ge 2 ]; } || { [ -n "${1:-}" ] && [ -n "$X" ]; }\n').stmts,
    );
    assert.deepEqual(r.whenTrue, [
      { kind: 'set', name: '1' },
      { kind: 'set', name: 'X' },
      { kind: 'argc', min: 1 },
    ]);
  });

  it('says nothing about an empty list and uses the last statement of a list', () => {
    assert.deepEqual(conditionFacts([]), { whenTrue: [], whenFalse: [] });
    const stmts = parse('[ -n "$X" ]\n[ -n "$Y" ]\n').stmts;
    assert.deepEqual(conditionFacts(stmts), { whenTrue: [{ kind: 'set', name: 'Y' }], whenFalse: [] });
    assert.deepEqual(stmts[0] && stmtFacts(stmts[0]), { whenTrue: [{ kind: 'set', name: 'X' }], whenFalse: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// Asked of the shells

/** Values that look like `[` operators, split, glob or are empty. */
const X_VALUES: readonly (string | null)[] = [
  null,
  '',
  'v',
  'd',
  'v w',
  '!',
  '(',
  ')',
  '=',
  '-n',
  '-z',
  '-a',
  '-o',
  '*',
];
const Y_VALUES: readonly (string | null)[] = [null, '', 'v', '=', '(', '!', '-o'];
const ARG_VALUES: readonly string[] = ['', '='];

/** Every positional parameter list of 0 to 3 arguments drawn from ARG_VALUES. */
function argLists(): string[][] {
  const lists: string[][] = [[]];
  for (let n = 1; n <= 3; n++) {
    const prev = lists.filter((l) => l.length === n - 1);
    for (const l of prev) for (const v of ARG_VALUES) lists.push([...l, v]);
  }
  return lists;
}

const quote = (s: string): string => `'${s}'`;

function assignment(name: string, value: string | null): string {
  return value === null ? `unset ${name}` : `${name}=${quote(value)}`;
}

/** One script that runs `cond` in every state and prints `status X Y $# R` after each run (R: bash's
 * BASH_REMATCH has an element 0, emptied by a failing match before each run). */
function oracleScript(cond: string, shell: ShellName): { script: string; runs: number } {
  const reset = shell === 'bash' ? '; [[ a =~ b ]]' : '';
  const matched = shell === 'bash' ? ' ${BASH_REMATCH[0]+R}' : '';
  const lines = [
    // A file and a directory for the file tests; errors of `[` are expected.
    ': > v; mkdir d; exec 2>/dev/null',
  ];
  let runs = 0;
  for (const x of X_VALUES) {
    for (const y of Y_VALUES) {
      for (const args of argLists()) {
        lines.push(
          `unset X Y; ${assignment('X', x)}; ${assignment('Y', y)}; set -- ${args.map(quote).join(' ')}${reset}`,
        );
        lines.push(
          `if ${cond}\nthen echo "0 \${X+X}.\${Y+Y} $#${matched}"\nelse echo "1 \${X+X}.\${Y+Y} $#${matched}"\nfi`,
        );
        runs++;
      }
    }
  }
  return { script: `${lines.join('\n')}\n`, runs };
}

interface State {
  readonly x: boolean;
  readonly y: boolean;
  readonly argc: number;
  readonly matched: boolean;
}

function holds(fact: string, s: State): boolean {
  if (fact.startsWith('#')) return s.argc >= Number(fact.slice(1));
  if (/^[1-9][0-9]*$/.test(fact)) return s.argc >= Number(fact);
  if (fact === 'X') return s.x;
  if (fact === 'Y') return s.y;
  if (fact === 'BASH_REMATCH') return s.matched;
  throw new Error(`the oracle cannot check a fact about ${fact}`);
}

/** What is wrong with `row` in `shell`: a reported fact that did not hold, or a row whose facts
 * are never put to the test. */
async function askShell(row: Row, shell: ShellName): Promise<string[]> {
  const { t, f } = factsOf(row.cond, shell === 'dash' ? 'posix' : 'bash');
  // Without facts nothing can be wrong (and some of these rows fork in every run).
  if (t.length + f.length === 0) return [];
  const { script, runs } = oracleScript(row.cond, shell);
  const r = await runShell({ shell, script, env: {} });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== runs)
    return [`${shell}: ${row.cond}: ${lines.length} of ${runs} runs reported (status ${r.status})`];
  const wrong = new Set<string>();
  let trues = 0;
  for (const line of lines) {
    const [status = '', vars = '', argc = '', matched = ''] = line.split(' ');
    const state: State = { x: vars.includes('X'), y: vars.includes('Y'), argc: Number(argc), matched: matched === 'R' };
    const passed = status === '0';
    if (passed) trues++;
    for (const fact of passed ? t : f) {
      if (!holds(fact, state))
        wrong.add(`${shell}: ${row.cond}: ${passed ? 'true' : 'false'} in state ${line} but reported ${fact}`);
    }
  }
  if (t.length > 0 && trues === 0 && !(shell === 'dash' && row.dashNeverTrue === true))
    wrong.add(`${shell}: ${row.cond}: never true`);
  if (f.length > 0 && trues === lines.length) wrong.add(`${shell}: ${row.cond}: never false`);
  return [...wrong];
}

describe('conditionFacts asked of the shells', function () {
  this.timeout(300_000);
  if (UNIT_TIER) return;

  it(`every fact of the rows holds in bash (and dash for sh rows) whenever the condition had that outcome`, async () => {
    const jobs = ROWS.flatMap((row) =>
      (row.sh === true ? (['bash', 'dash'] as const) : (['bash'] as const)).map((shell) => ({ row, shell })),
    );
    const wrong = (await mapLimit(jobs, PARALLEL_SHELLS, ({ row, shell }) => askShell(row, shell))).flat();
    assert.deepEqual(wrong, []);
  });
});
