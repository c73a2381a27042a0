// Where each edit of a fix lands in the output. Edits are reported on the input; nested ones
// (`$i` inside `${a[$i]}`) are rendered inside their outer edit's `after`, so only the outermost
// edits tile the output. Rebuilding the output from them proves that every byte outside the
// edits is the input's.
import type { EditReport } from '../../src/types/script.js';

export interface EditSpan {
  readonly edit: EditReport;
  /** The edits rendered inside this one. */
  readonly nested: readonly EditReport[];
  readonly inStart: number;
  readonly inEnd: number;
  readonly outStart: number;
  readonly outEnd: number;
}

export type SpansResult = { ok: true; spans: EditSpan[] } | { ok: false; problem: string };

/** The outermost edits with their output spans, or why the edits do not account for the output. */
export function editSpans(input: string, output: string, edits: readonly EditReport[]): SpansResult {
  // An insertion (the env-init block) goes before a reference that starts at the same offset.
  const sorted = [...edits].sort(
    (a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || b.end - a.end,
  );
  const outer: { edit: EditReport; nested: EditReport[] }[] = [];
  for (const e of sorted) {
    if (input.slice(e.start, e.end) !== e.before)
      return {
        ok: false,
        problem: `edit at ${e.start} says it replaces ${JSON.stringify(e.before)}, the input has ${JSON.stringify(input.slice(e.start, e.end))}`,
      };
    const last = outer[outer.length - 1];
    if (
      last &&
      e.end > e.start &&
      last.edit.end > last.edit.start &&
      e.start >= last.edit.start &&
      e.end <= last.edit.end
    ) {
      last.nested.push(e);
      continue;
    }
    if (last && e.start < last.edit.end)
      return { ok: false, problem: `edits at ${last.edit.start} and ${e.start} overlap` };
    outer.push({ edit: e, nested: [] });
  }
  const spans: EditSpan[] = [];
  let rebuilt = '';
  let from = 0;
  for (const { edit, nested } of outer) {
    rebuilt += input.slice(from, edit.start);
    const outStart = rebuilt.length;
    rebuilt += edit.after;
    spans.push({ edit, nested, inStart: edit.start, inEnd: edit.end, outStart, outEnd: rebuilt.length });
    from = edit.end;
  }
  rebuilt += input.slice(from);
  if (rebuilt !== output) {
    let k = 0;
    while (k < output.length && rebuilt[k] === output[k]) k++;
    return {
      ok: false,
      problem: `the output differs from the input with the edits applied, at output offset ${k}: ${JSON.stringify(output.slice(k, k + 40))} where the edits give ${JSON.stringify(rebuilt.slice(k, k + 40))}`,
    };
  }
  return { ok: true, spans };
}

/** Where a node lies relative to the edits: outside them (with its span in input coordinates),
 * inside one edit's span, or across an edit's boundary. */
export type Placement =
  | { kind: 'outside'; start: number; end: number }
  | { kind: 'inside'; span: number }
  | { kind: 'across' };

/** `side` says whether [start, end) is an input or an output range. */
export function place(spans: readonly EditSpan[], side: 'input' | 'output', start: number, end: number): Placement {
  let shiftStart = 0;
  let shiftEnd = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k] as EditSpan;
    const lo = side === 'input' ? s.inStart : s.outStart;
    const hi = side === 'input' ? s.inEnd : s.outEnd;
    const atBoundary = start === end && (start === lo || start === hi);
    if (hi > lo && start >= lo && end <= hi && !atBoundary) return { kind: 'inside', span: k };
    if ((start > lo && start < hi) || (end > lo && end < hi)) return { kind: 'across' };
    const growth = s.outEnd - s.outStart - (s.inEnd - s.inStart);
    if (side === 'output' && hi <= start) shiftStart += growth;
    if (side === 'output' && hi <= end) shiftEnd += growth;
  }
  return { kind: 'outside', start: start - shiftStart, end: end - shiftEnd };
}
