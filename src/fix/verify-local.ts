// The output guard's fast path: parse again only the statements that hold edits, not the whole
// fixed script (which cost a fifth of fixScript on scripts with edits).
//
// Why it proves what the whole check proves. The output is the input's text with each edit span
// replaced (checked first: keepsGaps); here every span lies inside a chosen statement S of some
// statement list, or is an insertion between two top-level statements (the env-init block). S
// is found by going down statement lists only (a function's body, a group, an if's branches…),
// never into words: so S is never inside `$(…)` or backquotes, whose text may be unescaped first
// and bounded, nor inside `((…) …)`, which the parser first tried to read as arithmetic, looking
// through S. The parser reads left to right, so up to the first chosen S' (S as the output has
// it) the output reads as the input did: the same text. Where S began, the parser calls the same
// function (parseStmtList reads each statement with parseAndOr and its terminator) from the same
// state, provided no here-document is pending there: none straddles S's start.
// What parseAndOr reads then depends on the text from S' on alone, which is what parseStmtAt
// reads, with the bodies of the here-documents S leaves pending, read after the newline that ends
// its line as the list would read them. If that ends exactly where S's end (past those bodies)
// lands, and its tree equals S's outside the spans (the comparison of verify-compare.ts, on the
// two statements, bodies included), the parser leaves S' as it left S, with nothing pending (no
// here-document straddles that end), and reads on over text that is the input's. A list could
// also end at S' instead of reading it (a closing word, a `)`): parseStmtAt answers null there.
// The depth guard starts no lower than the parser's nesting at S.
//
// An insertion between top-level statements, at the start of a line that no backslash joins to
// the one before and no here-document holds: top-level statements that parse alone, ending in a
// newline, with no `<<`, leave the parser where it was before them.
//
// Anything else (a here-document straddling a statement's edge, an insertion inside a statement)
// gets the whole check, as does any doubt here: the fast path only ever says yes.

import { ParseError } from '../errors.js';
import type { Comment, File, Node, Stmt } from '../parse/index.js';
import { childrenOf, parse, parseStmtAt } from '../parse/index.js';
import { firstAtOrAfter, holdsAt, offsetsOf } from '../text-offsets.js';
import { compareTrees } from './verify-compare.js';

interface Spans {
  readonly input: readonly [number, number][];
  readonly output: readonly [number, number][];
}

interface LocalInput {
  input: File;
  inputText: string;
  output: string;
  /** The outer edits' spans, sorted and disjoint, trap handlers grouped (verify-output.ts). */
  spans: Spans;
  dialect: File['dialect'];
  bats: boolean;
  path: string;
}

/** A statement that holds edits, with what the descent learned on the way down to it. */
interface Holder {
  readonly stmt: Stmt;
  /** Where what the parser reads for it ends: the statement's end, or past the bodies of the
   * here-documents it leaves pending. */
  readonly end: number;
  /** No fewer than the parser's nesting where it starts (the nodes above it, roughly). */
  readonly depth: number;
}

/** True when the output reads as the input outside the spans, proven statement by statement;
 * false when that proof does not apply or fails (the caller then checks the whole output). */
export function verifyEditedStmts(opts: LocalInput): boolean {
  const { input, inputText, spans } = opts;
  if (spans.input.length === 0 || !keepsGaps(inputText, opts.output, spans)) return false;
  const heredocs = heredocsOf(heredocRanges(input, inputText));
  const holders = holdersOf(input, inputText, spans.input, heredocs);
  const chosen: Holder[] = [];
  for (const [k, [a, b]] of spans.input.entries()) {
    const h = holders[k];
    if (h === undefined) {
      if (a !== b || !isTopLevelGap(input, inputText, a, heredocs)) return false;
      const [oa, ob] = spans.output[k] as [number, number];
      if (!insertsStatements(opts.output.slice(oa, ob), opts)) return false;
      continue;
    }
    // Spans come in order: a holder is the last one, inside it, or after it; earlier holders
    // may lie inside it.
    const last = chosen[chosen.length - 1];
    if (last !== undefined && h.stmt.start >= last.stmt.start && h.end <= last.end) continue;
    while (chosen.length > 0 && h.stmt.start <= (chosen[chosen.length - 1] as Holder).stmt.start) chosen.pop();
    chosen.push(h);
  }
  const starts = input.comments.map((c) => c.start);
  const outputHeredocs = offsetsOf(opts.output, '<<');
  for (const h of chosen) {
    if (straddles(heredocs, h.stmt.start) || straddles(heredocs, h.end)) return false;
    if (!sameStmt(h, opts, starts, outputHeredocs)) return false;
  }
  return true;
}

/** True when the output is the input's text between the spans, each piece where the spans
 * before it put it: the whole check's parse would see any other change; this one reads only
 * the edited statements. */
function keepsGaps(input: string, output: string, spans: Spans): boolean {
  let from = 0;
  let to = 0;
  for (const [k, [a, b]] of spans.input.entries()) {
    const [oa, ob] = spans.output[k] as [number, number];
    if (oa - to !== a - from || !output.startsWith(input.slice(from, a), to)) return false;
    from = b;
    to = ob;
  }
  return output.length - to === input.length - from && output.endsWith(input.slice(from));
}

/** For each span, the innermost list statement holding it, here-document bodies it leaves
 * pending included (an insertion at its edge is not held by it), or undefined. Only statement
 * lists are descended, never words: an edit in `$(…)` is held by the statement around the word,
 * so no holder lies in backquotes. Parentheses first read as arithmetic (`((…) …)`) are not
 * descended either. */
function holdersOf(
  file: File,
  text: string,
  spans: readonly [number, number][],
  heredocs: Heredocs,
): (Holder | undefined)[] {
  const held: (Holder | undefined)[] = new Array(spans.length);
  // Each statement's lists, found once however many spans it holds (a `case` of 600 items).
  const inner = new Map<Stmt, Inner>();
  const top = innerOf([file.stmts], 0, heredocs);
  for (const [k, [a, b]] of spans.entries()) {
    let lists = top;
    // Nodes above the statements of `lists`: at least the parser's nesting there.
    let depth = 1;
    let found: Holder | undefined;
    for (;;) {
      const next = holderIn(lists, a, b, depth, heredocs);
      if (next === undefined) break;
      found = next;
      let known = inner.get(next.stmt);
      if (known === undefined) {
        const out: (readonly Stmt[])[] = [];
        const through = innerLists(next.stmt, text, out);
        known = innerOf(out, through, heredocs);
        inner.set(next.stmt, known);
      }
      lists = known;
      depth += known.depth + 2;
    }
    held[k] = found;
  }
  return held;
}

/** A statement's non-empty lists (innerLists: an empty one holds nothing), the nodes passed on
 * the way to them, and, when the lists follow each other in the text and no here-document can
 * stretch a statement over the next list, the start of each: then only the last list starting by
 * a span can hold it. */
interface Inner {
  readonly lists: readonly (readonly Stmt[])[];
  readonly depth: number;
  readonly starts: readonly number[] | null;
}

function innerOf(all: readonly (readonly Stmt[])[], depth: number, heredocs: Heredocs): Inner {
  const lists = all.filter((list) => list.length > 0);
  if (heredocs.ranges.length > 0) return { lists, depth, starts: null };
  const starts: number[] = [];
  let end = -1;
  for (const list of lists) {
    const first = list[0] as Stmt;
    if (first.start < end) return { lists, depth, starts: null };
    end = (list[list.length - 1] as Stmt).end;
    starts.push(first.start);
  }
  return { lists, depth, starts };
}

/** The first list's statement that holds the span [a, b] (by the rule of holdersOf), or undefined. */
function holderIn(inner: Inner, a: number, b: number, depth: number, heredocs: Heredocs): Holder | undefined {
  if (inner.starts !== null) {
    // Lists in order, apart: one that starts after a holds no statement starting by a, and one
    // before the last starting by a ends before that one starts.
    const list = inner.lists[firstAtOrAfter(inner.starts, a + 1) - 1];
    return list === undefined ? undefined : holderInList(list, a, b, depth, heredocs);
  }
  for (const list of inner.lists) {
    const h = holderInList(list, a, b, depth, heredocs);
    if (h !== undefined) return h;
  }
  return undefined;
}

/** The statement of `list` that holds the span [a, b], or undefined. */
function holderInList(
  list: readonly Stmt[],
  a: number,
  b: number,
  depth: number,
  heredocs: Heredocs,
): Holder | undefined {
  const s = list[lastStartingBy(list, a)];
  if (s === undefined) return undefined;
  const end = extendedEnd(s, heredocs);
  if (a < s.start || b > end || (a === b && (a === s.start || a === end))) return undefined;
  return { stmt: s, end, depth };
}

/** The index of the last statement of `list` that starts at or before `x`, or -1. */
function lastStartingBy(list: readonly Stmt[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Stmt).start <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Where what the parser reads for `s` ends: past the bodies of the here-documents it leaves. */
function extendedEnd(s: Stmt, heredocs: Heredocs): number {
  let end = s.end;
  for (let d = firstAtOrAfter(heredocs.starts, s.start); d < heredocs.ranges.length; d++) {
    const [a, b] = heredocs.ranges[d] as [number, number];
    if (a >= s.end) break;
    if (b > end) end = b;
  }
  return end;
}

/** Pushes the statement lists of `s`'s command onto `out` (through the statements that are no
 * list's: a function's body, the sides of `&&`); returns how many nodes that passed through. */
function innerLists(s: Stmt, text: string, out: (readonly Stmt[])[]): number {
  const cmd = s.cmd;
  if (cmd === null) return 0;
  switch (cmd.type) {
    case 'Block':
      out.push(cmd.stmts);
      return 0;
    case 'Subshell':
      if (!text.startsWith('((', cmd.start)) out.push(cmd.stmts);
      return 0;
    case 'IfClause': {
      let depth = 0;
      for (let c: typeof cmd | null = cmd; c !== null; c = c.else, depth++) out.push(c.cond, c.then);
      return depth;
    }
    case 'WhileClause':
      out.push(cmd.cond, cmd.body);
      return 0;
    case 'ForClause':
      out.push(cmd.body);
      return 0;
    case 'CaseClause':
      for (const item of cmd.items) out.push(item.stmts);
      return 1;
    case 'FuncDecl':
      return 2 + innerLists(cmd.body, text, out);
    case 'BinaryCmd': {
      // `a && b && …` nests to the left, a level per link: walked in a loop (a chain of 5,000
      // tests overflowed the stack), the lists pushed in the text's order as a recursion would.
      const right: Stmt[] = [];
      let left: Stmt = s;
      for (let c = left.cmd; c?.type === 'BinaryCmd'; c = left.cmd) {
        right.push(c.y);
        left = c.x;
      }
      let depth = 2 * right.length + innerLists(left, text, out);
      for (let i = right.length - 1; i >= 0; i--)
        depth = Math.max(depth, 2 * (i + 1) + innerLists(right[i] as Stmt, text, out));
      return depth;
    }
    case 'TimeClause':
      return cmd.stmt === null ? 0 : 2 + innerLists(cmd.stmt, text, out);
    case 'CoprocClause':
      return 2 + innerLists(cmd.stmt, text, out);
    case 'TestDecl':
      return 2 + innerLists(cmd.body, text, out);
    default:
      return 0;
  }
}

/** Each here-document, from its `<<` to the end of its delimiter line, sorted by start. */
function heredocRanges(file: File, text: string): [number, number][] {
  const ops = offsetsOf(text, '<<');
  const ranges: [number, number][] = [];
  if (ops.length === 0) return ranges;
  const nodes: Node[] = [file];
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    if (!holdsAt(ops, node.start, node.end)) continue;
    if (node.type === 'Redirect' && node.body !== null) {
      const line = text.indexOf('\n', node.body.delimStart);
      ranges.push([node.start, line === -1 ? text.length : line + 1]);
    }
    childrenOf(node, nodes);
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

/** Here-document ranges, sorted by start, and the furthest end among the first `i + 1`: whether
 * one holds an offset is a binary search. */
interface Heredocs {
  readonly starts: readonly number[];
  readonly ranges: readonly [number, number][];
  readonly reach: readonly number[];
}

function heredocsOf(ranges: [number, number][]): Heredocs {
  const reach: number[] = [];
  let far = -1;
  for (const [, b] of ranges) reach.push((far = Math.max(far, b)));
  return { starts: ranges.map((r) => r[0]), ranges, reach };
}

/** True when a here-document holds `at` strictly inside. */
function straddles(docs: Heredocs, at: number): boolean {
  const n = firstAtOrAfter(docs.starts, at);
  return n > 0 && (docs.reach[n - 1] as number) > at;
}

/** True at the start of a line between top-level statements: no backslash before its newline,
 * no statement or here-document around it. */
function isTopLevelGap(file: File, text: string, at: number, heredocs: Heredocs): boolean {
  if (at > 0 && (text[at - 1] !== '\n' || text[at - 2] === '\\')) return false;
  if (straddles(heredocs, at)) return false;
  const k = firstAtOrAfter(
    file.stmts.map((s) => s.end),
    at + 1,
  );
  const s = file.stmts[k];
  return s === undefined || s.start >= at;
}

/** True for inserted text that is whole top-level statements: it parses alone, ends with a
 * newline no backslash escapes, and holds no `<<` (which would leave a body pending). */
function insertsStatements(code: string, opts: LocalInput): boolean {
  if (!code.endsWith('\n') || code.endsWith('\\\n') || code.includes('<<')) return false;
  try {
    parse(code, { dialect: opts.dialect, path: opts.path, bats: opts.bats });
  } catch (err) {
    // The whole check reports it.
    if (err instanceof ParseError) return false;
    throw err;
  }
  return true;
}

/** True when the holder, as the output has it, reads alone as the input's statement did. */
function sameStmt(
  h: Holder,
  opts: LocalInput,
  commentStarts: readonly number[],
  outputHeredocs: readonly number[],
): boolean {
  const { stmt } = h;
  const { input, output } = opts.spans;
  // Output offsets: each moved by what the spans ending before it added. A span ending where the
  // holder ends is inside it unless it is an insertion there.
  const before = countEndingBy(input, stmt.start);
  let inside = countEndingBy(input, h.end);
  while (inside > before) {
    const [a, b] = input[inside - 1] as [number, number];
    if (!(a === b && a === h.end)) break;
    inside--;
  }
  const shiftAt = (n: number): number =>
    n === 0 ? 0 : (output[n - 1] as [number, number])[1] - (input[n - 1] as [number, number])[1];
  const start = stmt.start + shiftAt(before);
  const end = h.end + shiftAt(inside);
  let read: ReturnType<typeof parseStmtAt>;
  try {
    read = parseStmtAt(opts.output, start, { dialect: opts.dialect, path: opts.path, bats: opts.bats, depth: h.depth });
  } catch (err) {
    if (err instanceof ParseError) return false;
    throw err;
  }
  if (read === null || read.stmt.start !== start || read.end !== end) return false;
  const from = firstAtOrAfter(commentStarts, stmt.start);
  let to = from;
  while (to < commentStarts.length && (commentStarts[to] as number) < h.end) to++;
  const comments: Comment[] = opts.input.comments.slice(from, to);
  // Only the spans inside: the comparison sees nothing else.
  const mismatch = compareTrees({
    input: stmt,
    output: read.stmt,
    comments: { input: comments, output: read.comments },
    outputText: opts.output,
    spans: { input: input.slice(before, inside), output: output.slice(before, inside) },
    shift: shiftAt(before),
    heredocs: outputHeredocs,
  });
  return mismatch === null;
}

/** How many spans end at or before `x` (their ends are in order). */
function countEndingBy(spans: readonly [number, number][], x: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as [number, number])[1] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
