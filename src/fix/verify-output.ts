// The last guard before output leaves nounset: the fixed text must parse, and its syntax tree
// must equal the input's everywhere outside the edited constructs (see verify-compare.ts). Edits
// inside a trap's single-quoted handler (analyze/collect.ts trapCode) make the quoted string one
// span of the comparison; the code in it must parse, before and after, into trees equal outside
// those edits. Most outputs are proven by reading again only the statements that hold edits
// (verify-local.ts); where that proof does not apply, the whole output is parsed and compared.

import { type Edit, nestEdits } from '../edit/index.js';
import { ParseError } from '../errors.js';
import type { Dialect, File, QuotedHandler } from '../parse/index.js';
import { forEachNode, parse, parseTrapHandler, quotedTrapHandler } from '../parse/index.js';
import { firstAtOrAfter, holdsAt, offsetsOf } from '../text-offsets.js';
import { compareTrees } from './verify-compare.js';
import { verifyEditedStmts } from './verify-local.js';

type NestedEdits = ReturnType<typeof nestEdits>;
type Spans = { input: [number, number][]; output: [number, number][] };
/** groupedSpans's answer. */
type GroupedSpans = { spans: Spans; inner: Handler[] } | string;

/** Input and output spans of the outermost edits (sorted, disjoint), or null when a change lies
 * outside its edit's construct: the comparison relies on the text outside the spans being the
 * input's, shifted. */
function outputSpans({ outer, within }: NestedEdits): Spans | null {
  const input: [number, number][] = [];
  const output: [number, number][] = [];
  let shift = 0;
  for (const e of outer) {
    let inside = 0;
    for (const c of within.get(e) ?? []) {
      if (c.start < e.start || c.end > e.end) return null;
      inside += c.text.length - (c.end - c.start);
    }
    input.push([e.start, e.end]);
    output.push([e.start + shift, e.end + shift + inside]);
    shift += inside;
  }
  return { input, output };
}

/** The single-quoted handler of each `trap 'CODE' SIGNAL…` that holds an outer edit, by edit;
 * `handlers`: where each handler whose code the analysis read starts (sorted), the only ones an
 * edit can be in, when known. */
function trapHandlers(
  file: File,
  handlers: readonly number[] | undefined,
  outer: readonly Edit[],
): Map<Edit, QuotedHandler> {
  const found = new Map<Edit, QuotedHandler>();
  if (handlers?.length === 0) return found;
  const starts = outer.map((e) => e.start);
  forEachNode(file, (node) => {
    // Only nodes that hold an edit (and a handler, when they are known) are looked into.
    if (!holdsAt(starts, node.start, node.end)) return false;
    if (handlers !== undefined && !holdsAt(handlers, node.start, node.end)) return false;
    if (node.type !== 'CallExpr') return;
    const part = quotedTrapHandler(node.args);
    if (part === null) return;
    // Only edits wholly inside the quotes: one that reaches past them is compared as any other,
    // and the changed string refuses it.
    // The edits are sorted: only those that start inside are looked at (8,000 handlers with an
    // edit each looked at every edit for each).
    for (let k = firstAtOrAfter(starts, part.start + 1); k < outer.length && (starts[k] as number) < part.end; k++) {
      const e = outer[k] as Edit;
      if (e.end < part.end) found.set(e, part);
    }
  });
  return found;
}

/** A trap handler's edits: their own spans, and where the whole quoted string is among the spans. */
interface Handler {
  readonly part: QuotedHandler;
  readonly own: Spans;
  readonly at: number;
}

/** The spans with each trap handler's edits made one span, the whole quoted string, and the
 * handlers; null when another edit overlaps such a string. */
function handlerSpans(
  spans: Spans,
  outer: readonly Edit[],
  handlers: ReadonlyMap<Edit, QuotedHandler>,
): { spans: Spans; inner: Handler[] } | null {
  const out: Spans = { input: [], output: [] };
  const inner: Handler[] = [];
  for (const [k, e] of outer.entries()) {
    const i = spans.input[k] as [number, number];
    const o = spans.output[k] as [number, number];
    const part = handlers.get(e);
    if (part === undefined) {
      out.input.push(i);
      out.output.push(o);
      continue;
    }
    let open = inner[inner.length - 1];
    if (open?.part !== part) {
      open = { part, own: { input: [], output: [] }, at: out.input.length };
      inner.push(open);
      out.input.push([part.start, part.end]);
      out.output.push([part.start + (o[0] - i[0]), part.end + (o[0] - i[0])]);
    }
    open.own.input.push(i);
    open.own.output.push(o);
    // The string's end moves with each edit in it.
    (out.output[open.at] as [number, number])[1] = part.end + (o[1] - i[1]);
  }
  // Sorted and disjoint, as the comparison needs: no other edit reaches into a handler.
  for (let k = 1; k < out.input.length; k++)
    if ((out.input[k] as [number, number])[0] < (out.input[k - 1] as [number, number])[1]) return null;
  return { spans: out, inner };
}

/** Where the output's string `[start, end)` stops being a handler of the input's kind: an edit
 * that ends its quotes, or one that puts a `'` in single quotes or an expansion of its own (an
 * unescaped `$` or `` ` ``) in double quotes. Null when it is one. */
function brokenQuotes(quoted: string, kind: QuotedHandler['type']): string | null {
  const q = kind === 'SglQuoted' ? "'" : '"';
  const code = quoted.slice(1, -1);
  if (quoted.length < 2 || !quoted.startsWith(q) || !quoted.endsWith(q))
    return "an edit ends the quotes of a trap's handler";
  if (kind === 'SglQuoted') return code.includes("'") ? "an edit ends the quotes of a trap's handler" : null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '"') return "an edit ends the quotes of a trap's handler";
    else if (c === '$' || c === '`')
      return "an edit makes a trap's double-quoted handler expand a value when it is set";
  }
  return null;
}

/** Where `<<` occurs in the output, found once for all the handlers (each looked through the whole
 * output: 32,000 handlers took seconds). */
function heredocsOf(output: string, inner: readonly Handler[]): readonly number[] {
  return inner.length === 0 ? [] : offsetsOf(output, '<<');
}

/** Returns null when a trap handler's code, edited, still reads as it did outside the edits. */
function checkHandler(
  part: QuotedHandler,
  own: Spans,
  span: [number, number],
  opts: VerifyInput,
  heredocs: readonly number[],
): string | null {
  const [start, end] = span;
  const broken = brokenQuotes(opts.output.slice(start, end), part.type);
  if (broken !== null) return broken;
  // Both codes at the output's offsets (the comparison takes the text before the first edit to
  // be where it was): the input's moved by what the edits before the string added.
  const moved = start - part.start;
  const parseOpts = { dialect: opts.dialect, path: opts.path };
  let before: File | null;
  let after: File | null;
  try {
    before = parseTrapHandler(part, opts.inputText, parseOpts, moved);
    after = parseTrapHandler(outputHandler(part, start, end, opts.output), opts.output, parseOpts);
  } catch (err) {
    if (err instanceof ParseError) return `a trap's handler would not parse (${err.reason})`;
    throw err;
  }
  // Inside backquotes a string's text is the source's unescaped: its offsets are not the source's.
  if (before === null || after === null) return "an edit is inside a trap's handler whose text is not the script's own";
  const spans: Spans = { input: own.input.map(([a, b]) => [a + moved, b + moved]), output: own.output };
  const mismatch = compareTrees({ input: before, output: after, outputText: opts.output, spans, heredocs });
  return mismatch === null ? null : `a trap's handler would read differently outside the edits (${mismatch})`;
}

/** The handler as the output has it, at `[start, end)` (its quotes whole, as brokenQuotes found). */
function outputHandler(part: QuotedHandler, start: number, end: number, output: string): QuotedHandler {
  const value = output.slice(start + 1, end - 1);
  if (part.type === 'SglQuoted') return { ...part, start, end, value };
  return { ...part, start, end, parts: [{ type: 'Lit', start: start + 1, end: end - 1, value }] };
}

interface VerifyInput {
  /** The input's tree, and the text it was parsed from. */
  input: File;
  inputText: string;
  /** Where each trap handler whose code the analysis read starts, sorted (Plan.trapHandlerStarts):
   * only nodes that hold one are searched for handlers; without it, every node that holds an edit. */
  handlers?: readonly number[];
  output: string;
  edits: readonly Edit[];
  nested?: NestedEdits;
  dialect: Dialect;
  bats?: boolean;
  path: string;
}

/** Returns null when the output is sound, else why it is not. `nested`: nestEdits(edits), when
 * the caller has it already. */
export function verifyOutput(opts: VerifyInput): string | null {
  const nested = opts.nested ?? nestEdits(opts.edits);
  const grouped = groupedSpans(opts, nested);
  // The fast path first; any doubt, and every failure (for its message), goes to the whole check.
  return verifyFast(opts, nested, grouped) ? null : verifyWhole(opts, nested, grouped);
}

/** True when the output is sound by the fast path (verify-local.ts): trap handlers checked as the
 * whole check does, then only the statements that hold edits parsed again. False when that path
 * cannot tell. */
export function verifyFast(opts: VerifyInput, nested: NestedEdits, grouped = groupedSpans(opts, nested)): boolean {
  if (typeof grouped === 'string') return false;
  const { spans, inner } = grouped;
  const heredocs = heredocsOf(opts.output, inner);
  for (const { part, own, at } of inner)
    if (checkHandler(part, own, spans.output[at] as [number, number], opts, heredocs) !== null) return false;
  return verifyEditedStmts({ ...opts, spans, bats: opts.bats ?? false });
}

/** The outer edits' spans, each trap handler's made one; or why they are not sound spans. */
function groupedSpans(opts: VerifyInput, nested: NestedEdits): GroupedSpans {
  const edited = outputSpans(nested);
  if (edited === null) return 'an edit changes text outside the construct it is about';
  const handlers = trapHandlers(opts.input, opts.handlers, nested.outer);
  if (handlers.size === 0) return { spans: edited, inner: [] };
  return handlerSpans(edited, nested.outer, handlers) ?? "an edit reaches into a trap's handler from outside it";
}

/** The whole output parsed and compared with the input. `grouped`: groupedSpans, when the caller
 * has it already. */
export function verifyWhole(
  opts: VerifyInput,
  nested: NestedEdits,
  grouped: GroupedSpans = groupedSpans(opts, nested),
): string | null {
  let out: File;
  try {
    out = parse(opts.output, { dialect: opts.dialect, path: opts.path, bats: opts.bats ?? false });
  } catch (err) {
    if (err instanceof ParseError) return `the fixed script would not parse (${err.message})`;
    throw err;
  }
  if (typeof grouped === 'string') return grouped;
  const { spans, inner } = grouped;
  const heredocs = heredocsOf(opts.output, inner);
  for (const { part, own, at } of inner) {
    const problem = checkHandler(part, own, spans.output[at] as [number, number], opts, heredocs);
    if (problem !== null) return problem;
  }
  const mismatch = compareTrees({ input: opts.input, output: out, outputText: opts.output, spans });
  return mismatch === null ? null : `the fixed script would read differently outside the edits (${mismatch})`;
}
