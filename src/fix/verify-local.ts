// The output guard's fast path: parse again only the statements that hold edits, not the whole
// fixed script (which cost a fifth of fixScript on scripts with edits).
//
// Why it proves what the whole check proves. The output is the input's text with each edit span
// replaced; here every span lies inside a chosen statement S of some statement list, or is an
// insertion between two top-level statements (the env-init block). The parser reads left to
// right, so up to the first chosen S' (S as the output has it) the output reads as the input did:
// the same text. Where S began, the parser calls the same function (parseStmtList reads each
// statement with parseAndOr and its terminator) from the same state, provided nothing pending
// there could differ:
// - no here-document is pending at S, or begins inside it (its body would be read inside S);
// - S is not inside backquotes (whose text is unescaped first, with a bound of its own);
// - S is not inside `((`/`$((` that turned out to be nested parentheses: the parser first tried
//   the text as arithmetic, looking through S.
// What parseAndOr reads then depends on the text from S' on alone, which is what parseStmtAt
// reads: if it ends exactly where S's end lands, and its tree equals S's outside the spans (the
// comparison of verify-compare.ts, on the two statements), the parser leaves S' as it left S,
// with nothing pending (S holds no `<<`), and reads on over text that is the input's. A list
// could also end at S' instead of reading it (a closing word, a `)`): parseStmtAt answers null
// there. The depth guard starts at S's depth in the tree, no lower than the parser's.
//
// An insertion between top-level statements, at the start of a line that no backslash joins to
// the one before and no here-document holds: top-level statements that parse alone, ending in a
// newline, with no `<<`, leave the parser where it was before them.
//
// Anything else (an edit in a here-document's body, in backquotes, touching a statement's edge
// from outside) gets the whole check, as does any doubt here: the fast path only ever says yes.

import { ParseError } from '../errors.js';
import type { Comment, File, Node, Stmt } from '../parse/index.js';
import { childrenOf, parse, parseStmtAt } from '../parse/index.js';
import { holdsAt, offsetsOf } from '../text-offsets.js';
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

/** Parents whose Stmt children are not elements of a statement list. */
const NOT_LISTS = new Set(['BinaryCmd', 'FuncDecl', 'TimeClause', 'CoprocClause', 'TestDecl']);

/** A statement that holds edits, with what the walk learned on the way down to it. */
interface Holder {
  readonly stmt: Stmt;
  /** Where what the parser reads for it ends: the statement's end, or past the bodies of the
   * here-documents it leaves pending. */
  readonly end: number;
  /** How many nodes lie above it: no fewer than the parser's nesting there. */
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
 * pending included (an insertion at its edge is not held by it), or undefined. `heredocs`: as
 * heredocRanges gives them. */
function holdersOf(
  file: File,
  text: string,
  spans: readonly [number, number][],
  heredocs: Heredocs,
): (Holder | undefined)[] {
  const held: (Holder | undefined)[] = new Array(spans.length);
  const starts = spans.map((s) => s[0]);
  // Parallel stacks: node, whether it is a list's element, whether it is shielded (inside
  // backquotes or parentheses first read as arithmetic: its statements hold nothing), depth.
  const nodes: Node[] = [file];
  const listed: boolean[] = [false];
  const shields: boolean[] = [false];
  const depths: number[] = [0];
  const kids: Node[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    const isListed = listed.pop() as boolean;
    const shielded = shields.pop() as boolean;
    const depth = depths.pop() as number;
    let end = node.end;
    const holds = isListed && !shielded && node.type === 'Stmt';
    if (holds)
      for (let d = firstAtOrAfter(heredocs.starts, node.start); d < heredocs.ranges.length; d++) {
        const [a, b] = heredocs.ranges[d] as [number, number];
        if (a >= node.end) break;
        if (b > end) end = b;
      }
    if (node !== file && !holdsAt(starts, node.start, end + 1)) continue;
    if (holds) {
      for (let k = firstAtOrAfter(starts, node.start); k < spans.length; k++) {
        const [a, b] = spans[k] as [number, number];
        if (a > end) break;
        if (b > end || (a === b && (a === node.start || a === end))) continue;
        held[k] = { stmt: node, end, depth };
      }
    }
    const shieldsKids =
      shielded ||
      (node.type === 'CmdSubst' && (node.backquotes || text.startsWith('$((', node.start))) ||
      (node.type === 'Subshell' && text.startsWith('((', node.start));
    const kidsListed = !NOT_LISTS.has(node.type);
    kids.length = 0;
    childrenOf(node, kids);
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i] as Node);
      listed.push(kidsListed);
      shields.push(shieldsKids);
      depths.push(depth + 1);
    }
  }
  return held;
}

function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
