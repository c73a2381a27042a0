// The last guard before output leaves nounset: the fixed text must parse, and its syntax tree
// must equal the input's everywhere outside the edited constructs (see verify-compare.ts).

import { type Edit, nestEdits } from '../edit/index.js';
import { ParseError } from '../errors.js';
import type { Dialect, File } from '../parse/index.js';
import { parse } from '../parse/index.js';
import { compareTrees } from './verify-compare.js';

/** Input and output spans of the outermost edits (sorted, disjoint), or null when a change lies
 * outside its edit's construct: the comparison relies on the text outside the spans being the
 * input's, shifted. */
function outputSpans({ outer, within }: NestedEdits): { input: [number, number][]; output: [number, number][] } | null {
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

type NestedEdits = ReturnType<typeof nestEdits>;

/** Returns null when the output is sound, else why it is not. `nested`: nestEdits(edits), when
 * the caller has it already. */
export function verifyOutput(opts: {
  input: File;
  output: string;
  edits: readonly Edit[];
  nested?: NestedEdits;
  dialect: Dialect;
  bats?: boolean;
  path: string;
}): string | null {
  let out: File;
  try {
    out = parse(opts.output, { dialect: opts.dialect, path: opts.path, bats: opts.bats ?? false });
  } catch (err) {
    if (err instanceof ParseError) return `the fixed script would not parse (${err.message})`;
    throw err;
  }
  const spans = outputSpans(opts.nested ?? nestEdits(opts.edits));
  if (spans === null) return 'an edit changes text outside the construct it is about';
  const mismatch = compareTrees({ input: opts.input, output: out, outputText: opts.output, spans });
  return mismatch === null ? null : `the fixed script would read differently outside the edits (${mismatch})`;
}
