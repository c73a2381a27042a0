// Edits grouped by the lines they touch: what both the diff built from edits (edit-diff.ts) and
// review suggestions (which replace whole lines) are made of.

import { lineOfOffset } from '../line-index.js';

/** A replacement of `[start, end)` of the old text by `text` (`start === end` inserts). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Old lines [first, last] (0-based) and what they become once the group's edits are applied. */
export interface LineGroup<E extends TextEdit = TextEdit> {
  readonly first: number;
  readonly last: number;
  /** Offsets of the whole lines: [from, to), the last line's newline included. */
  readonly from: number;
  readonly to: number;
  /** The new text of those lines (ending with a newline where the old last line did). */
  readonly text: string;
  /** The outermost edits in the group, in order. */
  readonly edits: readonly E[];
}

/** Edits not inside another one (their `text` already holds what is nested in them), in order;
 * an insertion before a replacement that starts at the same point. */
export function outermost<E extends TextEdit>(edits: readonly E[]): E[] {
  const sorted = [...edits].sort(
    (a, b) => a.start - b.start || Number(a.start !== a.end) - Number(b.start !== b.end) || b.end - a.end,
  );
  const out: E[] = [];
  let coverEnd = -1;
  for (const e of sorted) {
    if (e.start < coverEnd) continue;
    out.push(e);
    if (e.end > e.start) coverEnd = e.end;
  }
  return out;
}

/** Groups outermost edits (sorted, as `outermost` returns them) by the old lines they touch:
 * edits sharing a line share a group. An insertion at a line's start touches that line. */
export function groupByLines<E extends TextEdit>(
  before: string,
  starts: readonly number[],
  edits: readonly E[],
): LineGroup<E>[] {
  const groups: LineGroup<E>[] = [];
  const lastLine = (e: E): number => lineOfOffset(starts, Math.max(e.start, e.end - 1));
  for (let i = 0; i < edits.length; ) {
    const first = lineOfOffset(starts, (edits[i] as E).start);
    let last = lastLine(edits[i] as E);
    let j = i + 1;
    for (; j < edits.length && lineOfOffset(starts, (edits[j] as E).start) <= last; j++)
      last = Math.max(last, lastLine(edits[j] as E));
    const from = starts[first] as number;
    const to = starts[last + 1] ?? before.length;
    let text = '';
    let pos = from;
    for (let k = i; k < j; k++) {
      const e = edits[k] as E;
      text += before.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    groups.push({ first, last, from, to, text: text + before.slice(pos, to), edits: edits.slice(i, j) });
    i = j;
  }
  return groups;
}
