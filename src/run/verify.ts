// The last guard before output leaves nounset: the fixed text must parse, and its syntax tree
// must equal the input's everywhere outside the edited constructs.

import { ParseError } from '../errors.js';
import type { Dialect, File, Node } from '../parse/ast.js';
import { forEachNode, parse } from '../parse/index.js';
import { nestEdits, type Edit } from '../edit/edit.js';

/** Input and output spans of the outermost edits (sorted, disjoint). */
function outputSpans(edits: readonly Edit[]): { input: [number, number][]; output: [number, number][] } {
  const { outer, within } = nestEdits(edits);
  const input: [number, number][] = [];
  const output: [number, number][] = [];
  let shift = 0;
  for (const e of outer) {
    let inside = 0;
    for (const c of within.get(e) ?? []) inside += c.text.length - (c.end - c.start);
    input.push([e.start, e.end]);
    output.push([e.start + shift, e.end + shift + inside]);
    shift += inside;
  }
  return { input, output };
}

/** True when `node` lies inside one of the sorted, disjoint `spans` (an empty span holds only
 * nothing: an insertion point). */
function inSpans(spans: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid] as [number, number];
    if (start < s) hi = mid - 1;
    else if (start > e || (start === e && s !== e)) lo = mid + 1;
    else return end <= e && s !== e;
  }
  return false;
}

/** Calls `fn` for each node outside `spans`, in pre-order, with its parent. */
function skeleton(file: File, spans: readonly [number, number][], fn: (node: Node, parent: Node | null) => boolean): void {
  forEachNode(file, (node, parent) => (inSpans(spans, node.start, node.end) ? false : fn(node, parent) ? undefined : false));
}

/** Same type, same parent type, same literal value or operator: enough to tell any change of
 * structure outside the edits. */
function sameShape(a: Node, ap: Node | null, b: Node, bp: Node | null): boolean {
  return a.type === b.type && ap?.type === bp?.type && keyOf(a) === keyOf(b);
}

function keyOf(node: Node): string {
  switch (node.type) {
    case 'Lit':
    case 'SglQuoted':
      return `=${node.value}`;
    case 'ParamExp':
      return `=${node.param.value}${node.exp?.op ?? ''}`;
    case 'BinaryCmd':
    case 'ArithmBinary':
    case 'ArithmUnary':
    case 'TestBinary':
    case 'TestUnary':
    case 'Redirect':
      return `=${node.op}`;
    default:
      return '';
  }
}

/** Returns null when the output is sound, else why it is not. */
export function verifyOutput(opts: { input: File; output: string; edits: readonly Edit[]; dialect: Dialect; bats?: boolean; path: string }): string | null {
  let out: File;
  try {
    out = parse(opts.output, { dialect: opts.dialect, path: opts.path, bats: opts.bats ?? false });
  } catch (err) {
    if (err instanceof ParseError) return `the fixed script would not parse (${err.message})`;
    throw err;
  }
  const { input, output } = outputSpans(opts.edits);
  const a: Node[] = [];
  const ap: (Node | null)[] = [];
  skeleton(opts.input, input, (node, parent) => {
    a.push(node);
    ap.push(parent);
    return true;
  });
  let i = 0;
  let mismatch: string | null = null;
  skeleton(out, output, (node, parent) => {
    const other = a[i];
    if (mismatch === null && (!other || !sameShape(other, ap[i] ?? null, node, parent))) mismatch = `${describe(other)} became ${describe(node)}`;
    i++;
    return mismatch === null;
  });
  if (mismatch === null && i < a.length) mismatch = `${describe(a[i])} became the end`;
  return mismatch === null ? null : `the fixed script would read differently outside the edits (${mismatch})`;
}

function describe(node: Node | undefined): string {
  return node ? `${node.type}${keyOf(node)}` : 'the end';
}
