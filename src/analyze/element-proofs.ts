// Elements of an indexed array past element 0. nounset follows an indexed array as its element 0
// and the array itself (model.ts arrayKey): whether `${a[2]}` or `${a[$i]}` is there it cannot
// tell, and bash stops on an index past the end, or on an element unset, under set -u
// (kubernetes#11711: `roles[${ii}]: unbound variable` with fewer roles than nodes). Such a read is
// defaulted where it is read (`${a[2]:-}`, which changes nothing while the element is set), unless
// one of these shows the element is there:
// - a loop over the array's own keys, `for k in "${!a[@]}"`, reading `${a[$k]}`;
// - a counting loop bounded by the array's length, `for ((i = 0; i < ${#a[@]}; i++))` reading
//   `${a[i]}` (or `${a[i + 1]}` under `i < ${#a[@]} - 1`), or counting down from
//   `${#a[@]} - 1`, in a file that never makes the array sparse (no `unset` of an element, no
//   assignment at an index);
// - a completion's words: the word being completed and those before it, `${words[cword]}`,
//   `${COMP_WORDS[COMP_CWORD - 2]}`, the first argument `${words[1]}` (bash completes a word after
//   the command), and a loop bounded by cword (`for ((i = 1; i < cword; i++))` reading
//   `${words[i]}` and `${words[i + 1]}`);
// - `BASH_REMATCH[k]` in the `then` of `if [[ … =~ RE ]]` or after `[[ … =~ RE ]] &&`, RE a
//   literal with k groups or more (bash sets every group of a match, empty when it took no part);
// - a test of the array's length that passed (`[ "${#a[@]}" -ge 2 ] && … "${a[1]}"`; element 0
//   too, for an array that may be empty: provesElementZero).
// A negative index is another matter: it counts from the end, and past the start bash reports a
// bad array subscript, not an unbound variable. A proof covers the reads before the first point
// where its code may change what it rests on (proof-scope.ts): a loop's array anywhere in its
// body, its index only before a read in the same pass (the loop tests its bound again).

import type { ForClause, Stmt, Subscript, TestBinary, TestExpr, Word } from '../parse/index.js';
import { holdsAt, offsetsOf } from '../text-offsets.js';
import { type FileFunctions, firstChange } from './proof-scope.js';

/** Inside a loop's body (or an if's `then`): `${array[index + k]}` is there for k ≤ `over` (below
 * 0 it reads an element or is another error). An index '0' stands for literal indices up to
 * `over`. */
export interface ElementProof {
  readonly array: string;
  readonly index: string;
  readonly over: number;
  /** Reads from this offset on are not covered: the code before them, from the loop's test or
   * the passed condition, may move the index or change the array (Infinity: nothing does). */
  readonly until: number;
}

/** Completion words and the index of the word being completed, by the variables bash and
 * bash-completion give them: the index is at most the last word's. */
const COMPLETION_WORDS: ReadonlyMap<string, string> = new Map([
  ['words', 'cword'],
  ['COMP_WORDS', 'COMP_CWORD'],
]);

/** The variable holding the index of the word being completed, for an array of a completion's
 * words: COMP_WORDS is bash's own; `words` only in a file that gets it from bash-completion (a
 * script's own `words` array may have one element). */
function completionIndex(name: string, text: string): string | undefined {
  const index = COMPLETION_WORDS.get(name);
  if (index === undefined || name === 'COMP_WORDS') return index;
  if (text !== lastText) {
    lastText = text;
    lastIsCompletion = /\b(_init_completion|_comp_initialize|_get_comp_words_by_ref|_comp_get_words)\b/.test(text);
  }
  return lastIsCompletion ? index : undefined;
}
let lastText = '';
let lastIsCompletion = false;

/** Text without blanks, `$`, braces and quotes: `${i} + 1` reads as `i+1`. */
function bare(text: string): string {
  return text.replace(/[\s${}"]/g, '');
}

/** `i`, `i+2`, `i-1` as the variable and the offset; null for anything else. */
function offsetOf(at: string): { name: string; k: number } | null {
  const m = /^([A-Za-z_]\w*)(?:([+-])(\d+))?$/.exec(at);
  if (!m) return null;
  return { name: m[1] as string, k: m[3] === undefined ? 0 : (m[2] === '-' ? -1 : 1) * Number(m[3]) };
}

/** Whether `${name[index]}` reads an element past element 0 that nothing here shows is there. */
export function unprovenElement(
  name: string,
  index: Subscript,
  text: string,
  proofs: readonly ElementProof[],
): boolean {
  const expr = index.expr;
  if (!expr) return false;
  const at = bare(text.slice(expr.start, expr.end));
  // Element 0 is the one nounset follows; a negative index is another error (above).
  if (/^0+$/.test(at) || at.startsWith('-')) return false;
  // A literal index: under a proof of a match's groups (index '0').
  const where = index.start;
  if (/^\d+$/.test(at)) {
    const k = Number(at);
    if (proofs.some((p) => p.array === name && p.index === '0' && k <= p.over && where < p.until)) return false;
  }
  const o = offsetOf(at);
  const cword = completionIndex(name, text);
  if (cword !== undefined && (at === '1' || (o !== null && o.name === cword && o.k <= 0))) return false;
  if (o === null) return true;
  for (const p of proofs) if (p.array === name && p.index === o.name && o.k <= p.over && where < p.until) return false;
  return true;
}

/** Whether a proof shows element 0 of `name` there at offset `at` (a length test that passed:
 * `[ ${#a[@]} -gt 0 ] && … "${a[0]}"`), where the flow analysis finds only that the array is set. */
export function provesElementZero(name: string, at: number, proofs: readonly ElementProof[]): boolean {
  return proofs.some((p) => p.array === name && p.index === '0' && p.over >= 0 && at < p.until);
}

/** What a `for` loop's body may take as there (see the top); null for any other loop, or a body
 * that could undo it. The loop's test runs again before each pass: only what the body does before
 * a read, in the same pass, may move the index past it. */
export function loopProof(
  cmd: ForClause,
  text: string,
  isAssoc: (name: string) => boolean,
  functions: FileFunctions,
): ElementProof | null {
  const loop = cmd.loop;
  let proof: ElementProof | null = null;
  // Names the whole body must leave alone, and those it may change after a read.
  let fixed: string[] = [];
  let moved: string[] = [];
  if (loop.type === 'WordIter') {
    const items = loop.items ?? [];
    const m = items.length === 1 && !cmd.select ? /^\$\{!(\w+)\[[@*]\]\}$/.exec(bareWord(text, items[0])) : null;
    if (m && !isAssoc(m[1] as string)) {
      // The keys are listed once: an element the body unsets is still listed on a later pass.
      proof = { array: m[1] as string, index: loop.name.value, over: 0, until: Infinity };
      fixed = [proof.array];
      moved = [proof.index];
    }
  } else {
    const part = (e: { start: number; end: number } | null): string => (e ? bare(text.slice(e.start, e.end)) : '');
    const init = /^(\w+)=(.+)$/.exec(part(loop.init));
    const i = init?.[1];
    const post = part(loop.post);
    const cond = part(loop.cond);
    if (i !== undefined && init) {
      // Counting up: the bound says how far past i an index may go, and is tested on each pass;
      // a bound by cword holds only while cword and the words stay as they were.
      if ([`${i}++`, `++${i}`, `${i}+=1`, `${i}=${i}+1`].includes(post)) {
        const bound = boundBy(cond, i, text, isAssoc);
        if (bound !== null) {
          proof = bound.proof;
          fixed = bound.cword === null ? [proof.array] : [proof.array, bound.cword];
          moved = [i];
        }
      }
      // Counting down: the start does, tested once: the body must not move i at all.
      else if ([`${i}--`, `--${i}`, `${i}-=1`, `${i}=${i}-1`].includes(post)) {
        proof = boundBy(`${i}<=${init[2]}`, i, text, isAssoc)?.proof ?? null;
        if (proof !== null) fixed = [proof.array, i];
      }
    }
  }
  const body = spanOf(cmd.body);
  if (proof === null || body === null) return proof;
  if (firstChange(cmd.body, body.start, fixed, text, functions) < Infinity) return null;
  const until = firstChange(cmd.body, body.start, moved, text, functions);
  return until === Infinity ? proof : { ...proof, until };
}

/** The proof a bound `i < B` or `i <= B` gives (B: `#a[@]`, `#a[@]-K`, or a completion's
 * cword, `cword-K`), and the cword variable it rests on; null for any other. */
function boundBy(
  cond: string,
  i: string,
  text: string,
  isAssoc: (name: string) => boolean,
): { proof: ElementProof; cword: string | null } | null {
  const m = new RegExp(`^${i}(<=?)(.+)$`).exec(cond);
  if (!m) return null;
  const strict = m[1] === '<';
  const bound = m[2] as string;
  // i < len - K: i + K stays below len.
  const byLength = /^#(\w+)\[[@*]\](?:-(\d+))?$/.exec(bound);
  if (byLength) {
    const array = byLength[1] as string;
    const over = Number(byLength[2] ?? 0) - (strict ? 0 : 1);
    return over < 0 || isAssoc(array) || sparse(array, text)
      ? null
      : { proof: { array, index: i, over, until: Infinity }, cword: null };
  }
  // i < cword: cword is at most the last word's index.
  const byWord = offsetOf(bound);
  const words = byWord
    ? [...COMPLETION_WORDS].find(([w, c]) => c === byWord.name && completionIndex(w, text))?.[0]
    : undefined;
  if (byWord && words !== undefined && byWord.k <= 0)
    return {
      proof: { array: words, index: i, over: -byWord.k + (strict ? 1 : 0), until: Infinity },
      cword: byWord.name,
    };
  return null;
}

/** What a command run only once `cond` passed (an if's `then`, the right of `&&`) may take as
 * there: BASH_REMATCH's groups, and the elements a length test shows, each up to where the
 * condition or `body` (what runs after it) may change them. Asked of every if and every `&&`: no
 * array when there is nothing. */
export function conditionProofs(
  cond: Stmt,
  body: readonly Stmt[],
  text: string,
  functions: FileFunctions,
): readonly ElementProof[] {
  if (cond.negated) return NO_PROOFS;
  const scope = [cond, ...body];
  const out: ElementProof[] = [];
  const test = body.length > 0 ? matchProof(cond, text) : null;
  if (test !== null) {
    const until = firstChange(scope, test.end, ['BASH_REMATCH'], text, functions);
    if (until > test.end) out.push({ ...test.proof, until });
  }
  for (const p of lengthProofs(cond, text)) {
    const until = firstChange(scope, cond.start, [p.array], text, functions);
    out.push(until === Infinity ? p : { ...p, until });
  }
  return out.length > 0 ? out : NO_PROOFS;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const NO_PROOFS: readonly ElementProof[] = [];

/** BASH_REMATCH's groups once `[[ X =~ RE ]]` passed (see the top), and where that test ends. */
function matchProof(cond: Stmt, text: string): { proof: ElementProof; end: number } | null {
  const test = within(text, '=~', cond) ? lastMatch(cond) : null;
  if (test === null || test.y.type !== 'TestWord') return null;
  const re = literalOf(test.y.word, text);
  // A `(` in a bracket expression is no group; nor is an escaped one.
  if (re === null || /\[[^\]]*\(/.test(re)) return null;
  const groups = (re.match(/(^|[^\\])\(/g) ?? []).length;
  if (groups === 0) return null;
  return { proof: { array: 'BASH_REMATCH', index: '0', over: groups, until: Infinity }, end: test.end };
}

/** The `=~` test whose match BASH_REMATCH holds once the statement passed: through `&&` (in
 * `[[ ]]` or between commands) every test ran, and the last match is the one kept; null where a
 * `||`, a `!` or anything else leaves it open. */
function lastMatch(stmt: Stmt): TestBinary | null {
  if (stmt.negated || !stmt.cmd) return null;
  if (stmt.cmd.type === 'BinaryCmd')
    return stmt.cmd.op === '&&' ? (lastMatch(stmt.cmd.y) ?? lastMatch(stmt.cmd.x)) : null;
  if (stmt.cmd.type !== 'TestClause') return null;
  const inTest = (e: TestExpr): TestBinary | null => {
    if (e.type === 'TestParen') return inTest(e.x);
    if (e.type !== 'TestBinary') return null;
    if (e.op === '=~') return e;
    return e.op === '&&' ? (inTest(e.y) ?? inTest(e.x)) : null;
  };
  return inTest(stmt.cmd.expr);
}

/** What a condition that passed shows of an array's length: `[ "${#a[@]}" -ge 2 ]`, `[[ ${#a[@]}
 * -gt 1 ]]`, `(( ${#a[@]} >= 2 ))`, alone or joined by `&&`, let `${a[0]}` and `${a[1]}` be read
 * (docker's entrypoints: `[ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[1]}" = source ]`). The
 * array must not be sparse; FUNCNAME and the like never are. */
function lengthProofs(cond: Span, text: string): readonly ElementProof[] {
  // Asked of every `&&`: most hold no length at all, and a long chain's left side is long.
  if (!within(text, '#', cond)) return NO_PROOFS;
  // A condition's statement ends with its `;`; one run in the background (`&`) shows nothing.
  const all = text.slice(cond.start, cond.end).replace(/;\s*$/, '');
  // Only tests joined by `&&`: after `a; b` or `a || b` the first may have failed.
  if (/\|\||;|&\s*$|\n/.test(all.replace(/&&/g, ''))) return NO_PROOFS;
  const out: ElementProof[] = [];
  for (const part of all.split('&&')) {
    const m = /^(?:\[\[?|\(\()#(\w+)\[[@*]\](-ge|-gt|>=|>)(\d+)(?:\]\]?|\)\))$/.exec(bare(part));
    if (!m) continue;
    const array = m[1] as string;
    const n = Number(m[3]);
    const over = m[2] === '-ge' || m[2] === '>=' ? n - 1 : n;
    if (over >= 0 && !sparse(array, text)) out.push({ array, index: '0', over, until: Infinity });
  }
  return out.length > 0 ? out : NO_PROOFS;
}

/** A word's text when it expands to itself (no expansion, no backquote; a regex's `$` anchor and
 * an escaped `\`` are text), quotes removed; else null. */
function literalOf(w: Word, text: string): string | null {
  const t = text.slice(w.start, w.end);
  return /(^|[^\\])(\$[\w{(@*#?!-]|`)/.test(t) ? null : t.replace(/^(['"])(.*)\1$/, '$2');
}

/** Where a list of statements starts and ends; null for none. */
function spanOf(stmts: readonly Stmt[]): Span | null {
  const first = stmts[0];
  return first ? { start: first.start, end: (stmts[stmts.length - 1] as Stmt).end } : null;
}

/** A word's text without blanks and double quotes, keeping `${`: `"${!a[@]}"` → `${!a[@]}`. */
function bareWord(text: string, w: { start: number; end: number } | undefined): string {
  return w ? text.slice(w.start, w.end).replace(/[\s"]/g, '') : '';
}

/** The file may leave holes in the array: an `unset` of an element, or an assignment at an index
 * (`a[5]=x`), and `${#a[@]}` then counts fewer than the highest index. */
function sparse(array: string, text: string): boolean {
  // Asked for every loop and length test: once per array and file (a scan of the whole file).
  if (text !== sparseText) {
    sparseText = text;
    sparseMemo.clear();
  }
  let yes = sparseMemo.get(array);
  if (yes === undefined) {
    yes = new RegExp(`unset[^\\n;]*\\b${array}\\[|(^|[^\\w$])${array}\\[[^\\]]*\\]\\+?=`, 'm').test(text);
    sparseMemo.set(array, yes);
  }
  return yes;
}
let sparseText = '';
const sparseMemo = new Map<string, boolean>();

/** Whether `needle` occurs in `text` between `span`'s ends, without copying that part, and
 * without searching past it (a file with no `#` after a `&&` would be read to its end each time). */
function within(text: string, needle: string, span: Span): boolean {
  // Asked of the left side of every `&&`, which in `a && b && c` holds the ones before it: the
  // needle's offsets are found once per file, and each question is a binary search.
  if (text !== withinText) {
    withinText = text;
    withinOffsets.clear();
  }
  let at = withinOffsets.get(needle);
  if (at === undefined) withinOffsets.set(needle, (at = offsetsOf(text, needle)));
  return holdsAt(at, span.start, span.end - needle.length + 1);
}
let withinText: string | null = null;
const withinOffsets = new Map<string, readonly number[]>();
