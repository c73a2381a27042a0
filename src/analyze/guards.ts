// What a condition shows about the shell's state when it returns true (status 0) or false: the
// variables that must be set and how many positional parameters there must at least be. The flow
// analysis uses it on if/elif/while/until conditions and on the left side of `&&` / `||`.
//
// Sound before precise: a fact is reported only when every way the shell can reach that outcome
// implies it, including a failing redirection, a `[` that stops with a syntax error (status 2,
// "false") and a variable whose value looks like a `[` operator. What is not understood gives no
// fact. Assumed: `[`, `test`, `echo` ... are the builtins (not functions) and IFS has no digits.

import type {
  ArithmExpr,
  CallExpr,
  Command,
  ParamExp,
  Redirect,
  Stmt,
  TestBinary,
  TestExpr,
  Word,
  WordPart,
} from '../parse/index.js';
import { elementName, elementOfWord, isListSubscript } from './elements.js';
import { arrayKey, type Fact } from './model.js';

export interface ConditionFacts {
  readonly whenTrue: readonly Fact[];
  readonly whenFalse: readonly Fact[];
}

/** What we know after the statements `stmts` ran as a condition (an if/elif/while/until
 * condition, or the left side of && / ||) and returned true (status 0) or false. */
export function conditionFacts(stmts: readonly Stmt[]): ConditionFacts {
  return toFacts(listOutcome(stmts));
}

/** `conditionFacts` of one statement. */
export function stmtFacts(stmt: Stmt): ConditionFacts {
  return toFacts(stmtOutcome(stmt));
}

/** One side of `stmtFacts`: what holds when the statement returned true (`whenTrue`) or false. */
export function stmtSideFacts(stmt: Stmt, whenTrue: boolean): Fact[] {
  const o = stmtOutcome(stmt);
  return knownFacts(whenTrue ? o.t : o.f);
}

/** For `c` in `p && y && c` (and in `p || y || c`), whose left side `x` is `p && y`: what y adds to
 * the facts of p, when y cannot undo them (isPure); the left side's facts are then p's and these.
 * Null for any other left side. */
export function addedFacts(x: Stmt, op: string): ConditionFacts | null {
  const cmd = x.cmd;
  if (x.background || x.negated || x.redirs.length > 0 || cmd?.type !== 'BinaryCmd' || cmd.op !== op) return null;
  return isPure(cmd.y) ? stmtFacts(cmd.y) : null;
}

// ---------------------------------------------------------------------------------------------
// Known facts: a set of names and a lower bound of $#.

interface Known {
  /** Sorted, without duplicates. */
  readonly names: readonly string[];
  /** At least this many positional parameters; 0 says nothing. */
  readonly argc: number;
}

interface Outcome {
  readonly t: Known;
  readonly f: Known;
}

const NOTHING: Known = { names: [], argc: 0 };
const NO_OUTCOME: Outcome = { t: NOTHING, f: NOTHING };

const POSITIONAL = /^[1-9][0-9]*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` is set; a positional parameter also gives the count it needs. */
function setKnown(name: string): Known {
  return { names: [name], argc: POSITIONAL.test(name) ? Number(name) : 0 };
}

function argcKnown(min: number): Known {
  return min > 0 ? { names: [], argc: min } : NOTHING;
}

/** What holds on both paths: the sorted lists merged. */
function union(a: Known, b: Known): Known {
  const argc = Math.max(a.argc, b.argc);
  if (b.names.length === 0 && argc === a.argc) return a;
  if (a.names.length === 0 && argc === b.argc) return b;
  return { names: merge(a.names, b.names, ALWAYS, ALWAYS), argc };
}

const isNothing = (k: Known): boolean => k.names.length === 0 && k.argc === 0;

/** What holds on either of two paths. `$# >= n` on one path also sets `$1`..`$n` there. */
function intersect(a: Known, b: Known): Known {
  // Nothing on one path: nothing on either (the common `[ -n "$A" ] && [ -n "$B" ]`, whose false
  // side says nothing, would otherwise walk the other side's names at every link of a chain).
  if (isNothing(a) || isNothing(b)) return NOTHING;
  // A name only one side has holds on the other only as a positional parameter within its $#.
  const within = (other: Known) => (name: string) => POSITIONAL.test(name) && Number(name) <= other.argc;
  return { names: merge(a.names, b.names, within(b), within(a)), argc: Math.min(a.argc, b.argc) };
}

const ALWAYS = (): boolean => true;

/** Two sorted lists of distinct names as one: every name both have, and of those only one has,
 * the ones its `keep` keeps. Linear: an `&&` chain merges its links' names at every link. */
function merge(
  x: readonly string[],
  y: readonly string[],
  keepX: (name: string) => boolean,
  keepY: (name: string) => boolean,
): string[] {
  const names: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const m = x[i];
    const n = y[j];
    if (n === undefined || (m !== undefined && m < n)) {
      if (keepX(m as string)) names.push(m as string);
      i++;
    } else if (m === undefined || n < m) {
      if (keepY(n)) names.push(n);
      j++;
    } else {
      names.push(m);
      i++;
      j++;
    }
  }
  return names;
}

function swap(o: Outcome): Outcome {
  return { t: o.f, f: o.t };
}

function toFacts(o: Outcome): ConditionFacts {
  return { whenTrue: knownFacts(o.t), whenFalse: knownFacts(o.f) };
}

/** One fact object per name, shared by every condition that shows it: the links of a chain of n
 * tests show n²/2 names between them. Cleared when large, so a long-lived process keeps few. */
const SET_FACTS = new Map<string, Fact>();

function setFact(name: string): Fact {
  let f = SET_FACTS.get(name);
  if (f === undefined) {
    if (SET_FACTS.size >= 50_000) SET_FACTS.clear();
    SET_FACTS.set(name, (f = { kind: 'set', name }));
  }
  return f;
}

function knownFacts(k: Known): Fact[] {
  const facts: Fact[] = k.names.map(setFact);
  if (k.argc > 0) facts.push({ kind: 'argc', min: k.argc });
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Statements and command lists.

/** Only the last statement's status is the list's status. */
function listOutcome(stmts: readonly Stmt[]): Outcome {
  const last = stmts[stmts.length - 1];
  return last === undefined ? NO_OUTCOME : stmtOutcome(last);
}

/** Each statement's outcome, found once: the model asks for every left side of `a && b && c`,
 * each holding the ones before it (a chain of 1,000 tests took 12 s). A tree is never changed. */
const outcomes = new WeakMap<Stmt, Outcome>();

function stmtOutcome(stmt: Stmt): Outcome {
  let out = outcomes.get(stmt);
  if (out !== undefined) return out;
  // The left sides of a chain first, innermost first: asked as a recursion, a chain of thousands
  // of links overflowed the stack.
  const lefts: Stmt[] = [];
  for (let s = stmt; s.cmd?.type === 'BinaryCmd' && !outcomes.has(s.cmd.x); ) {
    s = s.cmd.x;
    lefts.push(s);
  }
  for (let i = lefts.length - 1; i >= 0; i--) {
    const s = lefts[i] as Stmt;
    outcomes.set(s, outcomeOf(s));
  }
  outcomes.set(stmt, (out = outcomeOf(stmt)));
  return out;
}

function outcomeOf(stmt: Stmt): Outcome {
  // A background job always returns 0 at once.
  if (stmt.background || stmt.cmd === null) return NO_OUTCOME;
  let out = commandOutcome(stmt.cmd);
  // A redirection that fails makes the status 1 without running the command.
  if (!stmt.redirs.every(cannotFail)) out = { t: out.t, f: NOTHING };
  return stmt.negated ? swap(out) : out;
}

/** Only a redirection to or from /dev/null counts as one that cannot fail. */
function cannotFail(r: Redirect): boolean {
  if (r.fdVar !== null || r.body !== null) return false;
  if (!['<', '>', '>>', '>|', '&>', '&>>'].includes(r.op)) return false;
  return literalOf(r.word)?.text === '/dev/null';
}

function commandOutcome(cmd: Command): Outcome {
  switch (cmd.type) {
    case 'TestClause':
      return evaluate(fromTestExpr(cmd.expr), 'cond');
    case 'ArithmCmd':
      return cmd.expr === null ? NO_OUTCOME : abortOnError(evaluate(fromArith(cmd.expr), 'arith'));
    case 'CallExpr':
      return testCommandOutcome(cmd);
    case 'BinaryCmd':
      if (cmd.op === '&&') return andThen(stmtOutcome(cmd.x), stmtOutcome(cmd.y), isPure(cmd.y));
      if (cmd.op === '||') return orElse(stmtOutcome(cmd.x), stmtOutcome(cmd.y), isPure(cmd.y));
      return NO_OUTCOME;
    case 'Block':
      return listOutcome(cmd.stmts);
    default:
      return NO_OUTCOME;
  }
}

/** `a && b`: b runs only when a returned true, and a's facts last only if b cannot undo them. The
 * true side is merged when first asked for: in `a && b && c` the model asks each link only what
 * the link before it adds (addedFacts), and a chain of n tests would merge n²/2 names. */
function andThen(a: Outcome, b: Outcome, bPure: boolean): Outcome {
  const f = isNothing(a.f) ? NOTHING : intersect(a.f, union(bPure ? a.t : NOTHING, b.f));
  return new MergedLater('t', a, b, bPure, f);
}

/** `a || b`: b runs only when a returned false (its false side merged when first asked for). */
function orElse(a: Outcome, b: Outcome, bPure: boolean): Outcome {
  const t = isNothing(a.t) ? NOTHING : intersect(a.t, union(bPure ? a.f : NOTHING, b.t));
  return new MergedLater('f', a, b, bPure, t);
}

/** The outcome of `a && b` (side 't') or `a || b` (side 'f'): that side is what holds after b
 * there, with a's when b cannot undo it, found when first asked for; the other side is `other`. */
class MergedLater implements Outcome {
  private known: Known | undefined;
  constructor(
    private readonly side: 't' | 'f',
    private readonly a: Outcome,
    private readonly b: Outcome,
    private readonly bPure: boolean,
    private readonly other: Known,
  ) {}
  get t(): Known {
    return this.side === 't' ? this.merged() : this.other;
  }
  get f(): Known {
    return this.side === 'f' ? this.merged() : this.other;
  }
  /** A chain's links each lean on the link before: the chain is gathered in a loop (an `if`
   * condition of 2,000 links overflowed the stack as a recursion) and its names sorted once (each
   * link's list merged into the next was quadratic). Only this link's side is kept: the model asks
   * the links inside a chain only what each adds. */
  private merged(): Known {
    if (this.known !== undefined) return this.known;
    const side = this.side;
    const parts: Known[] = [];
    let o: Outcome = this;
    for (;;) {
      if (!(o instanceof MergedLater) || o.side !== side || o.known !== undefined) {
        parts.push(o[side]);
        break;
      }
      parts.push(o.b[side]);
      if (!o.bPure) break;
      o = o.a;
    }
    let known = parts[0] as Known;
    if (parts.length === 2) known = union(parts[1] as Known, known);
    else if (parts.length > 2) {
      const names = new Set<string>();
      let argc = 0;
      for (const k of parts) {
        for (const name of k.names) names.add(name);
        argc = Math.max(argc, k.argc);
      }
      known = { names: [...names].sort(), argc };
    }
    this.known = known;
    return known;
  }
}

/** Commands that cannot unset a variable or shift the positional parameters. Assignments only
 * ever make names set, and subshells cannot change this shell. */
const PURE_COMMANDS: ReadonlySet<string> = new Set(['[', 'test', 'true', 'false', ':', 'echo', 'printf']);

function isPure(stmt: Stmt): boolean {
  const cmd = stmt.cmd;
  if (stmt.background || cmd === null) return true;
  switch (cmd.type) {
    case 'TestClause':
    case 'ArithmCmd':
    case 'Subshell':
      return true;
    case 'CallExpr': {
      const name = cmd.args[0];
      return name === undefined || PURE_COMMANDS.has(literalOf(name)?.text ?? '');
    }
    case 'BinaryCmd':
      return isPure(cmd.x) && isPure(cmd.y);
    case 'Block':
      return cmd.stmts.every(isPure);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Conditions: `[[ ]]`, `[ ]` / `test` and `(( ))` brought to one shape.

type Rel = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

interface Operand {
  readonly word: Word;
  /** The right side of `==` / `!=` in `[[ ]]`: a pattern, not a string. */
  readonly pattern: boolean;
}

type Cond =
  | { readonly kind: 'not'; readonly x: Cond }
  | { readonly kind: 'and' | 'or'; readonly x: Cond; readonly y: Cond }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Operand }
  | { readonly kind: 'binary'; readonly op: string; readonly x: Operand; readonly y: Operand }
  /** The one-operand form: true when the operand is not empty. */
  | { readonly kind: 'nonempty'; readonly operand: Operand }
  /** `$# <rel> n` from `(( ))`. */
  | { readonly kind: 'argc'; readonly rel: Rel; readonly n: number }
  | { readonly kind: 'opaque' };

const OPAQUE: Cond = { kind: 'opaque' };

type AndOr = Extract<Cond, { readonly kind: 'and' | 'or' }>;

/** How errors behave: in `[[ ]]` a failing part is just false (`[[ ! "a b" -eq 1 ]]` is true);
 * in `[` and `(( ))` an error ends the whole command with a non-zero status. */
type Context = 'cond' | 'test' | 'arith';

interface Evaluated extends Outcome {
  /** Some part may fail with an error instead of returning true or false. */
  readonly canError: boolean;
}

function evaluate(c: Cond, ctx: Context): Evaluated {
  switch (c.kind) {
    case 'not': {
      const e = evaluate(c.x, ctx);
      return { t: e.f, f: e.t, canError: e.canError };
    }
    case 'and':
    case 'or': {
      // `a && b && c` is ((a && b) && c): its left sides are gathered in a loop, since a long one
      // overflowed the stack as a recursion, and only the whole is merged.
      const links: AndOr[] = [];
      let x: Cond = c;
      for (; x.kind === 'and' || x.kind === 'or'; x = x.x) links.push(x);
      const first = evaluate(x, ctx);
      let o: Outcome = first;
      let canError = first.canError;
      for (let i = links.length - 1; i >= 0; i--) {
        const link = links[i] as AndOr;
        const y = evaluate(link.y, ctx);
        canError ||= y.canError;
        // Tests have no side effects, so each side's facts last.
        o = link.kind === 'and' ? andThen(o, y, true) : orElse(o, y, true);
      }
      return { t: o.t, f: o.f, canError };
    }
    default: {
      const leaf = leafOutcome(c, ctx);
      // A part that fails is false without its false-facts holding.
      return leaf.canError ? { t: leaf.t, f: NOTHING, canError: true } : leaf;
    }
  }
}

/** In `[` and `(( ))` an error anywhere makes the command return false. */
function abortOnError(e: Evaluated): Outcome {
  return e.canError ? { t: e.t, f: NOTHING } : e;
}

/** `-e ""` and the like are false: a file test that passes had a non-empty operand. */
const FILE_TESTS: ReadonlySet<string> = new Set(
  '-a -b -c -d -e -f -g -h -k -p -r -s -u -w -x -G -L -N -O -S'.split(' '),
);
const ARITH_RELS: Readonly<Record<string, Rel>> = {
  '-eq': 'eq',
  '-ne': 'ne',
  '-lt': 'lt',
  '-le': 'le',
  '-gt': 'gt',
  '-ge': 'ge',
};

function leafOutcome(c: Cond, ctx: Context): Evaluated {
  switch (c.kind) {
    case 'unary':
      return unaryOutcome(c.op, c.operand, ctx);
    case 'binary':
      return binaryOutcome(c.op, c.x, c.y, ctx);
    case 'nonempty':
      return { t: guardKnown(c.operand.word), f: NOTHING, canError: false };
    case 'argc':
      return { ...relOutcome(c.rel, c.n), canError: false };
    default:
      return { ...NO_OUTCOME, canError: true };
  }
}

function unaryOutcome(op: string, operand: Operand, ctx: Context): Evaluated {
  if (op === '-n' || FILE_TESTS.has(op)) return { t: guardKnown(operand.word), f: NOTHING, canError: false };
  if (op === '-z') return { t: NOTHING, f: guardKnown(operand.word), canError: false };
  if (op === '-v') {
    const literal = literalOf(operand.word)?.text ?? '';
    // `-v map[$k]`: that element is set (elements.ts).
    const name = IDENTIFIER.test(literal) || POSITIONAL.test(literal) ? literal : (elementOfWord(operand.word) ?? '');
    const known = name !== '';
    // dash's `[` has no -v: there it is an error.
    return { t: known ? setKnown(name) : NOTHING, f: NOTHING, canError: ctx === 'test' || !known };
  }
  return { ...NO_OUTCOME, canError: true };
}

function binaryOutcome(op: string, x: Operand, y: Operand, ctx: Context): Evaluated {
  // `[[ s =~ re ]]` that matched set BASH_REMATCH's element 0 (a bad regex is an error: false).
  if (op === '=~') return { t: { names: ['BASH_REMATCH'], argc: 0 }, f: NOTHING, canError: true };
  if (op === '=' || op === '==' || op === '!=') {
    const equal = equalityKnown(x, y);
    // dash's `[` has no ==: there it is an error.
    const canError = ctx === 'test' && op === '==';
    return op === '!=' ? { t: NOTHING, f: equal, canError } : { t: equal, f: NOTHING, canError };
  }
  const rel = ARITH_RELS[op];
  if (rel === undefined) return { ...NO_OUTCOME, canError: true };
  const yNumber = numberOf(y.word);
  const xNumber = numberOf(x.word);
  if (isArgcWord(x.word) && yNumber !== null) return { ...relOutcome(rel, yNumber), canError: false };
  if (isArgcWord(y.word) && xNumber !== null) return { ...relOutcome(flip(rel), xNumber), canError: false };
  return { ...NO_OUTCOME, canError: xNumber === null || yNumber === null };
}

/** `guarded = literal` (either way round) is true only when the guarded name is set. */
function equalityKnown(x: Operand, y: Operand): Known {
  if (nonEmptyLiteral(y)) return guardKnown(x.word);
  if (nonEmptyLiteral(x)) return guardKnown(y.word);
  return NOTHING;
}

/** A literal that an empty string does not equal (or, as a pattern, does not match). */
function nonEmptyLiteral(o: Operand): boolean {
  const lit = literalOf(o.word);
  if (lit === null || lit.changes) return false;
  return o.pattern ? lit.needsChar : lit.text !== '';
}

/** `$# <rel> n`: what holds when it is true and when it is false. */
function relOutcome(rel: Rel, n: number): Outcome {
  return { t: argcKnown(minimum(rel, n)), f: argcKnown(minimum(negate(rel), n)) };
}

/** The least $# for which `$# <rel> n` can hold (0: any). */
function minimum(rel: Rel, n: number): number {
  switch (rel) {
    case 'ge':
    case 'eq':
      return n;
    case 'gt':
      return n + 1;
    case 'ne':
      return n === 0 ? 1 : 0;
    default:
      return 0;
  }
}

function negate(rel: Rel): Rel {
  const map: Readonly<Record<Rel, Rel>> = { eq: 'ne', ne: 'eq', lt: 'ge', ge: 'lt', le: 'gt', gt: 'le' };
  return map[rel];
}

/** `n <rel> $#` as `$# <flip(rel)> n`. */
function flip(rel: Rel): Rel {
  const map: Readonly<Record<Rel, Rel>> = { eq: 'eq', ne: 'ne', lt: 'gt', gt: 'lt', le: 'ge', ge: 'le' };
  return map[rel];
}

// ---------------------------------------------------------------------------------------------
// `[[ … ]]`

function fromTestExpr(e: TestExpr): Cond {
  switch (e.type) {
    case 'TestParen':
      return fromTestExpr(e.x);
    case 'TestWord':
      return { kind: 'nonempty', operand: { word: e.word, pattern: false } };
    case 'TestUnary':
      if (e.op === '!') return { kind: 'not', x: fromTestExpr(e.x) };
      return e.x.type === 'TestWord'
        ? { kind: 'unary', op: e.op, operand: { word: e.x.word, pattern: false } }
        : OPAQUE;
    case 'TestBinary': {
      if (e.op === '&&' || e.op === '||') {
        const links: TestBinary[] = [];
        let x: TestExpr = e;
        for (; x.type === 'TestBinary' && (x.op === '&&' || x.op === '||'); x = x.x) links.push(x);
        return andOrChain(x, links, fromTestExpr);
      }
      if (e.x.type !== 'TestWord' || e.y.type !== 'TestWord') return OPAQUE;
      const pattern = e.op === '==' || e.op === '=' || e.op === '!=';
      return { kind: 'binary', op: e.op, x: { word: e.x.word, pattern: false }, y: { word: e.y.word, pattern } };
    }
  }
}

/** `a && b || c`, left-nested, as conditions: `first` is the innermost left side, `links` the
 * right sides from the outermost in. Gathered in a loop by the caller, since a recursion per link
 * of a long test overflowed the stack (evaluate does the same). */
function andOrChain<T>(first: T, links: readonly { readonly op: string; readonly y: T }[], of: (t: T) => Cond): Cond {
  let cond = of(first);
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i] as (typeof links)[number];
    cond = { kind: link.op === '&&' ? 'and' : 'or', x: cond, y: of(link.y) };
  }
  return cond;
}

// ---------------------------------------------------------------------------------------------
// `(( … ))`

const ARITH_OPS: Readonly<Record<string, Rel>> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

function fromArith(e: ArithmExpr): Cond {
  switch (e.type) {
    case 'ArithmParen':
      return fromArith(e.x);
    case 'ArithmUnary':
      return e.op === '!' ? { kind: 'not', x: fromArith(e.x) } : OPAQUE;
    case 'ArithmWord':
      // `(( $# ))` is true when $# is not 0.
      return isArgcWord(e.word) ? { kind: 'argc', rel: 'ne', n: 0 } : OPAQUE;
    case 'ArithmBinary':
      return arithBinary(e.op, e.x, e.y);
    default:
      return OPAQUE;
  }
}

function arithBinary(op: string, x: ArithmExpr, y: ArithmExpr): Cond {
  if (op === '&&' || op === '||') {
    const links: { readonly op: string; readonly y: ArithmExpr }[] = [{ op, y }];
    let left = x;
    for (; left.type === 'ArithmBinary' && (left.op === '&&' || left.op === '||'); left = left.x) links.push(left);
    return andOrChain(left, links, fromArith);
  }
  const rel = ARITH_OPS[op];
  if (rel === undefined || x.type !== 'ArithmWord' || y.type !== 'ArithmWord') return OPAQUE;
  const xNumber = numberOf(x.word);
  const yNumber = numberOf(y.word);
  if (isArgcWord(x.word) && yNumber !== null) return { kind: 'argc', rel, n: yNumber };
  if (isArgcWord(y.word) && xNumber !== null) return { kind: 'argc', rel: flip(rel), n: xNumber };
  return OPAQUE;
}

// ---------------------------------------------------------------------------------------------
// `[ … ]` and `test …`

/** The argument bash and dash see for one word, when the word gives exactly one. */
interface Token {
  readonly word: Word;
  /** The text when the word is a literal: only literal tokens are taken as operators. */
  readonly lit: string | null;
  /** Its value can never be an operator (a literal or $#), so the shell's parse is ours. */
  readonly safe: boolean;
}

const TEST_UNARY: ReadonlySet<string> = new Set([...FILE_TESTS, '-n', '-z', '-o', '-t', '-v', '-R']);
const TEST_BINARY: ReadonlySet<string> = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-nt',
  '-ot',
  '-ef',
  ...Object.keys(ARITH_RELS),
]);

function testCommandOutcome(cmd: CallExpr): Outcome {
  const completion = completionInitOutcome(cmd);
  if (completion !== null) return completion;
  const parsed = testCommand(cmd);
  if (parsed === null) return NO_OUTCOME;
  const e = evaluate(parsed.cond, 'test');
  // Beyond four arguments a value that looks like an operator can make `[` stop with an error.
  return parsed.fragile ? { t: e.t, f: NOTHING } : abortOnError(e);
}

/** bash-completion's `_init_completion` returns 0 only once it has set its caller's cur, prev,
 * words and cword (and split, with `-s`): `local cur prev words cword; _init_completion || return`.
 * The completions call it from the library bash loads first, which they do not source, so without
 * this every read of them was defaulted (3,110 of 4,015 reads in bash-completion's 463
 * completions; 242 now). `npm run check:real` runs the contract against the real library
 * (bench/real-corpus.ts). */
function completionInitOutcome(cmd: CallExpr): Outcome | null {
  const name = cmd.args[0];
  if (cmd.assigns.length > 0 || name === undefined || literalOf(name)?.text !== '_init_completion') return null;
  // words is an array: its element 0 and the array itself (`${#words[@]}`) are followed apart.
  const names = ['cur', 'cword', 'prev', 'words', arrayKey('words')];
  if (cmd.args.slice(1).some((w) => literalOf(w)?.text === '-s')) names.push('split');
  return { t: { names: names.sort(), argc: 0 }, f: NOTHING };
}

function testCommand(cmd: CallExpr): { readonly cond: Cond; readonly fragile: boolean } | null {
  const name = cmd.args[0];
  if (cmd.assigns.length > 0 || name === undefined) return null;
  const command = literalOf(name)?.text;
  let words = cmd.args.slice(1);
  if (command === '[') {
    // `[` wants its own last argument `]`; without it, it is an error.
    const close = words[words.length - 1];
    if (close === undefined || literalOf(close)?.text !== ']') return null;
    words = words.slice(0, -1);
  } else if (command !== 'test') {
    return null;
  }
  const unquoted = unquotedForm(words);
  if (unquoted !== null) return { cond: unquoted, fragile: false };
  const tokens: Token[] = [];
  for (const word of words) {
    const token = tokenOf(word);
    if (token === null) return null;
    tokens.push(token);
  }
  const counted = tokens.length <= 4 ? byCount(tokens) : null;
  if (counted !== null) return { cond: counted, fragile: false };
  return { cond: new TestParser(tokens).parse(), fragile: true };
}

/** `[ $X ]` and `[ -z $X ]` with X unquoted: an unset or empty X leaves no argument at all, so
 * `[ ]` is false and `[ -z ]` true; whatever a set X splits into does not matter. */
function unquotedForm(words: readonly Word[]): Cond | null {
  const last = words[words.length - 1];
  if (last === undefined || !isUnquotedGuard(last)) return null;
  const operand: Operand = { word: last, pattern: false };
  if (words.length === 1) return { kind: 'nonempty', operand };
  if (words.length === 2 && words[0] !== undefined && literalOf(words[0])?.text === '-z')
    return { kind: 'unary', op: '-z', operand };
  return null;
}

function isUnquotedGuard(word: Word): boolean {
  const [part, ...rest] = word.parts;
  return rest.length === 0 && part?.type === 'ParamExp' && guardParam(part) !== null;
}

function tokenOf(word: Word): Token | null {
  const lit = literalOf(word);
  if (lit !== null) return lit.changes || lit.glob ? null : { word, lit: lit.text, safe: true };
  if (isArgcWord(word)) return { word, lit: null, safe: true };
  return isOneField(word.parts) ? { word, lit: null, safe: false } : null;
}

/** POSIX's rules by argument count (bash and dash follow them up to four arguments). Only
 * literal tokens count as operators; where a shell would look at a computed one, no facts.
 * Null: four arguments the rules leave to the general grammar. */
function byCount(t: readonly Token[]): Cond | null {
  const [a, b, c, d] = t;
  if (a === undefined) return OPAQUE;
  if (b === undefined) return nonempty(a);
  if (c === undefined) return twoArgs(a, b);
  if (d === undefined) return threeArgs(a, b, c);
  if (a.lit === '!') return { kind: 'not', x: threeArgs(b, c, d) };
  if (a.lit === '(' && d.lit === ')') return twoArgs(b, c);
  return null;
}

function twoArgs(a: Token, b: Token): Cond {
  if (a.lit === '!') return { kind: 'not', x: nonempty(b) };
  if (a.lit !== null && TEST_UNARY.has(a.lit)) return { kind: 'unary', op: a.lit, operand: operandOf(b) };
  return OPAQUE;
}

function threeArgs(a: Token, b: Token, c: Token): Cond {
  if (b.lit === null) return OPAQUE;
  if (TEST_BINARY.has(b.lit)) return { kind: 'binary', op: b.lit, x: operandOf(a), y: operandOf(c) };
  if (b.lit === '-a' || b.lit === '-o') return { kind: b.lit === '-a' ? 'and' : 'or', x: nonempty(a), y: nonempty(c) };
  if (a.lit === '!') return { kind: 'not', x: twoArgs(b, c) };
  if (a.lit === '(' && c.lit === ')') return nonempty(b);
  return OPAQUE;
}

function nonempty(t: Token): Cond {
  return { kind: 'nonempty', operand: operandOf(t) };
}

function operandOf(t: Token): Operand {
  return { word: t.word, pattern: false };
}

/** More than four arguments: the `-o` / `-a` / `!` / `( )` grammar as bash parses it, where a
 * computed token may only be an operand the shell cannot mistake for an operator's place. */
class TestParser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Cond {
    const c = this.or();
    return c !== null && this.pos === this.tokens.length ? c : OPAQUE;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private or(): Cond | null {
    return this.chain('-o', 'or', () => this.and());
  }

  private and(): Cond | null {
    return this.chain('-a', 'and', () => this.term());
  }

  private chain(op: string, kind: 'and' | 'or', next: () => Cond | null): Cond | null {
    let x = next();
    while (x !== null && this.peek()?.lit === op) {
      this.pos++;
      const y = next();
      x = y === null ? null : { kind, x, y };
    }
    return x;
  }

  private term(): Cond | null {
    const tok = this.peek();
    if (tok === undefined) return null;
    if (tok.lit === '!') {
      this.pos++;
      const x = this.term();
      return x === null ? null : { kind: 'not', x };
    }
    if (tok.lit === '(') return this.paren();
    const op = this.peek(1);
    const right = this.peek(2);
    if (op !== undefined && op.lit !== null && right !== undefined && TEST_BINARY.has(op.lit)) {
      // A computed left operand whose value were `!` or `(` would be read as one.
      if (!tok.safe) return null;
      this.pos += 3;
      return { kind: 'binary', op: op.lit, x: operandOf(tok), y: operandOf(right) };
    }
    if (tok.lit !== null && TEST_UNARY.has(tok.lit) && op !== undefined) {
      this.pos += 2;
      return { kind: 'unary', op: tok.lit, operand: operandOf(op) };
    }
    if (tok.lit === null) return null;
    this.pos++;
    return nonempty(tok);
  }

  private paren(): Cond | null {
    this.pos++;
    const x = this.or();
    if (x === null || this.peek()?.lit !== ')') return null;
    this.pos++;
    return x;
  }
}

// ---------------------------------------------------------------------------------------------
// Words

/** The operand is non-empty only when this name is set: after quote removal it is exactly one of
 * `$X` `${X}` `${X-}` `${X:-}` `${X+w}` `${X:+w}`, or a transform of X that is empty when X is
 * unset (`${X#p}`, `${X/p/r}`, `${X:1}`, `${X^^}` …), for X a variable or a positional parameter. */
function guardKnown(word: Word): Known {
  const significant = word.parts.filter((p) => !isEmptyPart(p));
  const [part, ...rest] = significant;
  if (part === undefined || rest.length > 0) return NOTHING;
  let param: ParamExp | null = null;
  if (part.type === 'ParamExp') param = part;
  if (part.type === 'DblQuoted' && !part.dollar) {
    const [inner, ...more] = part.parts.filter((p) => !isEmptyPart(p));
    if (inner?.type === 'ParamExp' && more.length === 0) param = inner;
  }
  const name = param === null ? null : guardParam(param);
  return name === null ? NOTHING : setKnown(name);
}

/** `$NAME`, `${NAME}` or `${NAME<op>word}`: no length, indirection, slice or replacement, and no
 * subscript but one element's (`${map[$k]+x}`, see elements.ts). */
function isPlainParam(p: ParamExp): boolean {
  return isOneValue(p) && p.slice === null && p.repl === null;
}

/** A name's or one element's value, whatever is done to it: no length, indirection, list of names
 * or list subscript. */
function isOneValue(p: ParamExp): boolean {
  return !p.excl && !p.length && p.names === null && (p.index === null || !isListSubscript(p.index));
}

function guardParam(p: ParamExp): string | null {
  if (!isOneValue(p)) return null;
  const bare = p.param.value;
  if (!IDENTIFIER.test(bare) && !POSITIONAL.test(bare)) return null;
  const name = p.index === null ? bare : elementName(bare, p.index);
  // A slice or a replacement of an unset name is empty, whatever it would do to a value (bash 5.2:
  // `${X:1}`, `${X/*/all}`, `${X/#/pre}`; test/flow/cases/test-transform-nonempty.sh).
  if (p.slice !== null || p.repl !== null || p.exp === null) return name;
  switch (p.exp.op) {
    // Unset gives the (empty) default.
    case '-':
    case ':-':
      return p.exp.word === null || p.exp.word.parts.every(isEmptyPart) ? name : null;
    // Unset gives nothing, whatever the word; so does a pattern removal or a case change of it.
    // Not `@`: `${X@a}` of a declared, unset X gives its attributes.
    case '+':
    case ':+':
    case '#':
    case '##':
    case '%':
    case '%%':
    case '^':
    case '^^':
    case ',':
    case ',,':
    case '~':
    case '~~':
      return name;
    default:
      return null;
  }
}

/** A part that always expands to nothing: `''`, `""`. */
function isEmptyPart(p: WordPart): boolean {
  switch (p.type) {
    case 'Lit':
      return p.value === '';
    case 'SglQuoted':
      return p.value === '';
    case 'DblQuoted':
      return p.parts.every(isEmptyPart);
    default:
      return false;
  }
}

/** `$#`, `${#}`, `"$#"`. */
function isArgcWord(word: Word): boolean {
  const [part, ...rest] = word.parts;
  if (part === undefined || rest.length > 0) return false;
  if (part.type === 'ParamExp') return isArgcParam(part);
  if (part.type !== 'DblQuoted' || part.dollar) return false;
  const [inner, ...more] = part.parts;
  return inner?.type === 'ParamExp' && more.length === 0 && isArgcParam(inner);
}

function isArgcParam(p: ParamExp): boolean {
  return p.param.value === '#' && isPlainParam(p) && p.exp === null;
}

/** A decimal literal that bash's `[`, `[[ ]]` and `(( ))` all read alike (no octal, no overflow). */
function numberOf(word: Word): number | null {
  const lit = literalOf(word);
  if (lit === null || lit.changes || lit.glob || !/^(0|[1-9][0-9]{0,8})$/.test(lit.text)) return null;
  return Number(lit.text);
}

interface Literal {
  /** The value after quote removal. */
  readonly text: string;
  /** Unquoted `*` `?` `[`: the word may be globbed (in `[`) or is a pattern (in `[[ ]]`). */
  readonly glob: boolean;
  /** A tilde or brace expansion may change it. */
  readonly changes: boolean;
  /** As a pattern, it matches only strings of at least one character. */
  readonly needsChar: boolean;
}

/** The word's value when it has no expansions, or null. */
function literalOf(word: Word): Literal | null {
  let text = '';
  let glob = false;
  let changes = false;
  let needsChar = false;
  for (const [i, part] of word.parts.entries()) {
    if (part.type === 'Lit') {
      const lit = unquotedLit(part.value, i === 0);
      text += lit.text;
      glob ||= lit.glob;
      changes ||= lit.changes;
      needsChar ||= lit.needsChar;
      continue;
    }
    const quoted = quotedText(part);
    if (quoted === null) return null;
    text += quoted;
    needsChar ||= quoted !== '';
  }
  return { text, glob, changes, needsChar };
}

function unquotedLit(value: string, wordStart: boolean): Literal {
  let text = '';
  let glob = false;
  let needsChar = false;
  const changes = (wordStart && value.startsWith('~')) || value.includes('{');
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '\\') {
      text += value[i + 1] ?? '';
      needsChar = true;
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') glob = true;
    // Every element of a pattern but `*` matches exactly one character.
    if (c !== '*') needsChar = true;
    text += c;
  }
  return { text, glob, changes, needsChar };
}

/** The text of a quoted part without expansions, or null. */
function quotedText(part: WordPart): string | null {
  if (part.type === 'SglQuoted') return part.dollar ? null : part.value;
  if (part.type !== 'DblQuoted' || part.dollar) return null;
  let text = '';
  for (const inner of part.parts) {
    if (inner.type !== 'Lit') return null;
    // `\<newline>` is a line continuation; `\` keeps its meaning only before $ ` " \.
    text += inner.value.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
  }
  return text;
}

/** The word expands to exactly one argument: no unquoted expansion (it would be split or
 * globbed) and nothing like `"$@"` that gives a word per element. */
function isOneField(parts: readonly WordPart[]): boolean {
  return parts.every((p, i) => {
    switch (p.type) {
      case 'Lit': {
        const lit = unquotedLit(p.value, i === 0);
        return !lit.glob && !lit.changes;
      }
      case 'SglQuoted':
        return true;
      case 'DblQuoted':
        return !p.parts.some(isManyFields);
      default:
        return false;
    }
  });
}

/** Inside double quotes: `$@`, `${a[@]}`, `${!p@}`, or a `${X:-…}` whose word has one. */
function isManyFields(p: WordPart): boolean {
  if (p.type === 'DblQuoted') return p.parts.some(isManyFields);
  if (p.type !== 'ParamExp') return false;
  if (p.param.value === '@' || p.names !== null || p.index?.word != null) return true;
  const words = [p.exp?.word, p.repl?.orig, p.repl?.with].filter((w): w is Word => w != null);
  return words.some((w) => w.parts.some(isManyFields));
}
