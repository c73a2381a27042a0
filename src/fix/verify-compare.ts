// The output guard's comparison: one lockstep walk over the input's and the output's syntax
// trees, pairing every node outside the edits and checking type, fields and position.
//
// Why it proves the output reads the same outside the edits: the text outside the edit spans is
// copied verbatim, each piece shifted by what the edits before it added. The walk pairs the two
// trees with the nodes inside edit spans pruned and requires equal child counts, types and fields
// (literal text, operators, flags such as a here-document's `quoted`), so the pruned trees are
// isomorphic; and every offset outside the spans (node starts and ends, operator and terminator
// positions) must land exactly where the shift puts it. An insertion that changes how later text
// lexes (a quote, a `}`, a `#`, a newline, a here-document delimiter) retypes, regroups or moves
// some node after it, or changes a comment, and fails here.
//
// The one shortcut, where most of the time went: an untouched word (no edit within one character
// of it, not inside backquotes, no `<<` in it) whose counterpart has its type and its exact
// shifted range is not walked further. That check proves the output holds the same characters
// there and around it (verify-output.ts refuses a change outside its edit's span), at the same place of
// an isomorphic tree; the lexer reads a word from exactly that: its text, the characters next to
// it, and a mode fixed by its ancestors' types and fields (all compared: `"`, `${x:-…}`, `=~`,
// arithmetic...), so it reads the same parts. A `$(…)` or backquote inside starts a parse of its own with nothing pending. Not so a
// word inside backquotes (its text is first unescaped, depending on the backslashes before it),
// nor one holding `<<` (`$(cat <<E)` parks a here-document body outside the word): those are
// walked.
//
// An untouched statement is skipped on the same terms, with one more: no edit's text may touch a
// `<<`. A statement spans lines, so its reading also depends on the here-documents pending where
// it starts (their bodies are read at its first newline). Those come from `<<` operators before
// it. With none in or beside an edit's text, every `<<` of the output lies in text copied from
// the input, in a node the walk met before this statement (earlier in the text, so earlier in the
// walk) and found alike, redirection and body offsets included, or in a word skipped as read
// alike, which holds no `<<`. So the same bodies are pending at the same places on both sides, and
// the statement, holding no `<<` itself, leaves none pending after it.

import type { Comment, File, Node, Stmt } from '../parse/index.js';
import { childrenOf, positionOf } from '../parse/index.js';
import { holdsAt, offsetsOf } from '../text-offsets.js';
import { describeFieldChange, describeNode, type FieldCheck, sameFields } from './verify-fields.js';

/** Sorted, disjoint spans of one side, and a cursor on the last gap between spans an offset fell
 * in: the walk meets offsets mostly in order, so most look-ups cost two comparisons. */
interface Side {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** The cursor's gap is the open interval (lo, hi); it is gap `k` (before span `k`). */
  lo: number;
  hi: number;
  k: number;
}

function makeSide(spans: readonly (readonly [number, number])[]): Side {
  const starts = spans.map((s) => s[0]);
  const ends = spans.map((s) => s[1]);
  return { starts, ends, lo: -1, hi: starts[0] ?? Infinity, k: 0 };
}

/** First span whose end is at or after `p` (spans.length if none). */
function firstEndingFrom(side: Side, p: number): number {
  let lo = 0;
  let hi = side.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((side.ends[mid] as number) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `p` lies strictly between two spans (moving the cursor there); false when it lies
 * on a span, its two ends included. */
function inGap(side: Side, p: number): boolean {
  if (side.lo < p && p < side.hi) return true;
  const k = firstEndingFrom(side, p);
  const start = side.starts[k];
  if (start !== undefined && start <= p) return false;
  side.k = k;
  side.lo = k > 0 ? (side.ends[k - 1] as number) : -1;
  side.hi = start ?? Infinity;
  return true;
}

/** True when `[start, end)` lies inside a non-empty span (an insertion point holds nothing): the
 * edited construct itself or something within it, which the edit may reshape. */
function isInside(side: Side, start: number, end: number): boolean {
  if (inGap(side, start)) return false;
  for (let k = firstEndingFrom(side, start); k < side.ends.length; k++) {
    const s = side.starts[k] as number;
    const e = side.ends[k] as number;
    if (s > start) return false;
    if (start < e) return end <= e;
  }
  return false;
}

/** Pushes the children of `node` that lie outside the spans onto `stack`, last child first (so
 * the first is walked first); returns how many. */
function pushKept(node: Node, stack: Node[], side: Side): number {
  const base = stack.length;
  childrenOf(node, stack);
  let n = base;
  for (let i = base; i < stack.length; i++) {
    const c = stack[i] as Node;
    if (!isInside(side, c.start, c.end)) stack[n++] = c;
  }
  if (n !== stack.length) stack.length = n;
  for (let i = base, j = n - 1; i < j; i++, j--) {
    const t = stack[i] as Node;
    stack[i] = stack[j] as Node;
    stack[j] = t;
  }
  return n - base;
}

/** Compares the two trees outside the edit spans; returns null when they agree, else what
 * differs. `input` and `output` are the outer edits' spans in each text, sorted. */
export function compareTrees(
  opts: (
    | { input: File; output: File }
    | {
        input: Stmt;
        output: Stmt;
        /** The comments inside each (a file carries its own). */
        comments: { readonly input: readonly Comment[]; readonly output: readonly Comment[] };
      }
  ) & {
    outputText: string;
    spans: { input: readonly [number, number][]; output: readonly [number, number][] };
    /** Where the text before the first span moved to (0 for whole files: it starts them). */
    shift?: number;
    /** Where `<<` occurs in the output text, when the caller has it. */
    heredocs?: readonly number[];
  },
): string | null {
  const inSide = makeSide(opts.spans.input);
  const outSide = makeSide(opts.spans.output);
  const outStarts = outSide.starts;
  const outEnds = outSide.ends;
  // Shift of gap k: what the edits before it added.
  const shift = [opts.shift ?? 0, ...opts.spans.input.map((s, k) => (outEnds[k] as number) - s[1])];

  /** An input offset outside the spans must land exactly at its shift; one on a span (or on
   * two touching spans) anywhere within their output span, which the edit may reshape. */
  const samePlace = (a: number, b: number): boolean => {
    if (inGap(inSide, a)) return b === a + (shift[inSide.k] as number);
    let k = firstEndingFrom(inSide, a);
    const lo = outStarts[k] as number;
    while (k + 1 < inSide.starts.length && (inSide.starts[k + 1] as number) <= a) k++;
    return lo <= b && b <= (outEnds[k] as number);
  };
  const keptIn = (stmts: readonly Stmt[]): number =>
    stmts.reduce((n, s) => (isInside(inSide, s.start, s.end) ? n : n + 1), 0);
  const keptOut = (stmts: readonly Stmt[]): number =>
    stmts.reduce((n, s) => (isInside(outSide, s.start, s.end) ? n : n + 1), 0);
  const check: FieldCheck = { samePlace, keptIn, keptOut };

  /** A mismatch, with the line of the fixed script it is on. */
  const at = (node: Node | undefined, what: string): string => {
    if (!node) return what;
    return `${what}, line ${positionOf(opts.outputText, node.start).line} of the fixed script`;
  };
  const heredocs = opts.heredocs ?? offsetsOf(opts.outputText, '<<');
  /** True for a word or statement that is read as the input's was (see the top of this file). */
  const isReadAlike = (a: Node, b: Node): boolean =>
    inGap(inSide, a.start - 1) && a.end + 1 < inSide.hi && !holdsAt(heredocs, b.start, b.end - 1);
  // No `<<` begins within an edit's text or one character before it (`<` then an inserted `<`).
  const stmtsReadAlike = !opts.spans.output.some(([start, end]) => holdsAt(heredocs, start - 1, end));

  // Two stacks walked together, iteratively: real input can nest deeper than the call stack.
  const as: Node[] = [opts.input];
  const bs: Node[] = [opts.output];
  // Stack entries from this height up lie inside backquotes (Infinity: none).
  let backquoted = Infinity;
  let endMoved: string | null = null;
  while (as.length > 0) {
    const a = as.pop() as Node;
    const b = bs.pop() as Node;
    if (as.length < backquoted) backquoted = Infinity;
    if (a.type !== b.type) return at(b, `${describeNode(a)} became ${describeNode(b)}`);
    if (!samePlace(a.start, b.start)) return at(b, `${describeNode(a)} moved`);
    // Reported only if nothing inside it is: that names the first thing that moved.
    if (!samePlace(a.end, b.end)) endMoved ??= at(b, `the end of ${describeNode(a)} moved`);
    if (!sameFields(a, b, check)) return at(b, describeFieldChange(a, b));
    if (
      endMoved === null &&
      (a.type === 'Word' || (a.type === 'Stmt' && stmtsReadAlike)) &&
      backquoted === Infinity &&
      isReadAlike(a, b)
    )
      continue;
    if (a.type === 'CmdSubst' && a.backquotes && backquoted === Infinity) backquoted = as.length;
    const na = pushKept(a, as, inSide);
    const nb = pushKept(b, bs, outSide);
    if (na !== nb) return at(b, `${describeNode(a)} has other parts`);
  }
  const comments = 'comments' in opts ? opts.comments : { input: opts.input.comments, output: opts.output.comments };
  return compareComments(comments.input, comments.output, { inSide, outSide, check, at }) ?? endMoved;
}

/** Comments are not tree nodes; outside the edits each must stay, with its text, in its place. */
function compareComments(
  a: readonly Comment[],
  b: readonly Comment[],
  ctx: { inSide: Side; outSide: Side; check: FieldCheck; at: (node: Node | undefined, what: string) => string },
): string | null {
  const kept = (cs: readonly Comment[], side: Side): Comment[] => cs.filter((c) => !isInside(side, c.start, c.end));
  const ka = kept(a, ctx.inSide);
  const kb = kept(b, ctx.outSide);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (!x || !y || !sameFields(x, y, ctx.check)) return ctx.at(y, `${describeNode(x)} became ${describeNode(y)}`);
    if (!ctx.check.samePlace(x.start, y.start) || !ctx.check.samePlace(x.end, y.end))
      return ctx.at(y, `${describeNode(x)} moved`);
  }
  return null;
}
