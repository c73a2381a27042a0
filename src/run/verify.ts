// The last guard before output leaves nounset: the fixed text must parse, and its syntax tree
// must equal the input's everywhere outside the edited constructs.

import { ParseError } from '../errors.js';
import type { Dialect, File, Node } from '../parse/ast.js';
import { forEachNode, parse } from '../parse/index.js';
import type { Edit } from '../edit/edit.js';

/** Output spans of the outermost edits, given the input spans and every change. */
function outputSpans(edits: readonly Edit[]): { input: [number, number][]; output: [number, number][] } {
  const changes = edits.flatMap((e) => e.changes).sort((a, b) => a.start - b.start || a.end - b.end);
  const outer = edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && (o.start < e.start || o.end > e.end)));
  const input: [number, number][] = [];
  const output: [number, number][] = [];
  for (const e of outer) {
    // The changes of this edit and of the edits nested in it land inside its output span.
    const own = new Set(edits.filter((o) => o.start >= e.start && o.end <= e.end).flatMap((o) => o.changes));
    let shiftBefore = 0;
    let shiftInside = 0;
    for (const c of changes) {
      const delta = c.text.length - (c.end - c.start);
      if (own.has(c)) shiftInside += delta;
      else if (c.end <= e.start) shiftBefore += delta;
    }
    input.push([e.start, e.end]);
    output.push([e.start + shiftBefore, e.end + shiftBefore + shiftInside]);
  }
  return { input, output };
}

/** Node types and literal values in pre-order with depth, skipping nodes inside `spans`. */
function skeleton(file: File, spans: readonly [number, number][]): string[] {
  const out: string[] = [];
  const depth = new Map<Node, number>([[file, 0]]);
  forEachNode(file, (node, parent) => {
    const d = parent ? (depth.get(parent) ?? 0) + 1 : 0;
    depth.set(node, d);
    if (spans.some(([s, e]) => node.start >= s && node.end <= e && !(node.start === node.end && node.start === s && s === e))) return false;
    out.push(`${d}:${node.type}${keyOf(node)}`);
    return true;
  });
  return out;
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
export function verifyOutput(opts: { input: File; output: string; edits: readonly Edit[]; dialect: Dialect; path: string }): string | null {
  let out: File;
  try {
    out = parse(opts.output, { dialect: opts.dialect, path: opts.path });
  } catch (err) {
    if (err instanceof ParseError) return `the fixed script would not parse (${err.message})`;
    throw err;
  }
  const { input, output } = outputSpans(opts.edits);
  const a = skeleton(opts.input, input);
  const b = skeleton(out, output);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `the fixed script would read differently outside the edits (${a[i] ?? 'end'} became ${b[i] ?? 'end'})`;
  }
  return null;
}
