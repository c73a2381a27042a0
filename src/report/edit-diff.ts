// The unified diff of a fix, built from its edits instead of by diffing the two texts: the edits
// say which lines changed, so no line matching is needed. A general diff (jsdiff's Myers) was a
// tenth of a whole run's time on a large corpus; this is a single pass over the changed lines.
// The output has the form `diff -u` and git write (3 lines of context, hunks closer than 6 lines
// merged) and is checked against the fixed text: when the edits do not rebuild it exactly, the
// caller gets null and falls back to a general diff.

import { diffArrays } from 'diff';
import { lineBounds } from '../line-index.js';
import { groupByLines, outermost, type TextEdit } from './line-groups.js';

export type { TextEdit } from './line-groups.js';

const CONTEXT = 3;

/** Lines of `text`, each with its newline; the last may lack one. */
function splitKeepingNewlines(text: string): string[] {
  const lines: string[] = [];
  let pos = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', pos)) {
    lines.push(text.slice(pos, i + 1));
    pos = i + 1;
  }
  if (pos < text.length) lines.push(text.slice(pos));
  return lines;
}

/** A run of changed lines: old lines [oldAt, oldAt + removed.length) become `added`. */
interface Change {
  oldAt: number;
  removed: string[];
  added: string[];
}

/** Groups the edits by the old lines they touch and turns each group into a line change, with
 * the lines both sides share at its ends taken off (an inserted block then adds lines only). */
function lineChanges(
  before: string,
  starts: readonly number[],
  edits: readonly TextEdit[],
): { changes: Change[]; after: string } {
  const changes: Change[] = [];
  let after = '';
  let copied = 0;
  for (const group of groupByLines(before, starts, edits)) {
    after += before.slice(copied, group.from) + group.text;
    copied = group.to;
    const removed = splitKeepingNewlines(before.slice(group.from, group.to));
    const added = splitKeepingNewlines(group.text);
    let head = 0;
    while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
    let tail = 0;
    while (
      tail < removed.length - head &&
      tail < added.length - head &&
      removed[removed.length - 1 - tail] === added[added.length - 1 - tail]
    )
      tail++;
    if (head + tail < removed.length || head + tail < added.length) {
      for (const change of matchLines(
        group.first + head,
        removed.slice(head, removed.length - tail),
        added.slice(head, added.length - tail),
      )) {
        const prev = changes[changes.length - 1];
        // Changes on adjacent lines print as one block of removals then one of additions, as diff -u does.
        if (prev && prev.oldAt + prev.removed.length === change.oldAt) {
          prev.removed.push(...change.removed);
          prev.added.push(...change.added);
        } else changes.push(change);
      }
    }
  }
  return { changes, after: after + before.slice(copied) };
}

/** Splits a change with lines on both sides and more than one on some side (a rewritten env-init block) where lines
 * are kept, so the diff shows only the lines that differ. Small inputs: a general diff is cheap here. */
function matchLines(oldAt: number, removed: string[], added: string[]): Change[] {
  if (removed.length === 0 || added.length === 0 || removed.length + added.length <= 2)
    return [{ oldAt, removed, added }];
  const out: Change[] = [];
  let pending: Change = { oldAt, removed: [], added: [] };
  for (const part of diffArrays(removed, added)) {
    if (part.removed) pending.removed.push(...part.value);
    else if (part.added) pending.added.push(...part.value);
    else {
      if (pending.removed.length + pending.added.length > 0) out.push(pending);
      pending = { oldAt: pending.oldAt + pending.removed.length + part.value.length, removed: [], added: [] };
    }
  }
  if (pending.removed.length + pending.added.length > 0) out.push(pending);
  return out;
}

const NO_NEWLINE = '\\ No newline at end of file\n';

function diffLine(prefix: string, line: string): string {
  return line.endsWith('\n') ? prefix + line : `${prefix}${line}\n${NO_NEWLINE}`;
}

/** A hunk range as diff -u and git write it: `start,length`, the length left out when it is 1,
 * and an empty range named by the line before it. `from` is 0-based. */
function range(from: number, length: number): string {
  if (length === 1) return String(from + 1);
  return `${length === 0 ? from : from + 1},${length}`;
}

/** The unified diff (`a/` and `b/` headers) that `edits` make to `before`, or null when applying
 * them does not give `after` exactly. '' when nothing changes. */
export function diffFromEdits(path: string, before: string, after: string, edits: readonly TextEdit[]): string | null {
  const starts = lineBounds(before);
  const { changes, after: rebuilt } = lineChanges(before, starts, outermost(edits));
  if (rebuilt !== after) return null;
  if (changes.length === 0) return '';
  const lineCount = starts.length - 1;
  const line = (k: number): string => before.slice(starts[k], starts[k + 1]);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let shift = 0;
  for (let i = 0; i < changes.length; ) {
    // Changes whose unchanged gap is at most twice the context share a hunk.
    let j = i + 1;
    while (j < changes.length) {
      const prev = changes[j - 1] as Change;
      if ((changes[j] as Change).oldAt - (prev.oldAt + prev.removed.length) > 2 * CONTEXT) break;
      j++;
    }
    const head = changes[i] as Change;
    const tail = changes[j - 1] as Change;
    const from = Math.max(0, head.oldAt - CONTEXT);
    const to = Math.min(lineCount, tail.oldAt + tail.removed.length + CONTEXT);
    let body = '';
    let oldLen = 0;
    let newLen = 0;
    let at = from;
    for (let k = i; k < j; k++) {
      const c = changes[k] as Change;
      for (; at < c.oldAt; at++, oldLen++, newLen++) body += diffLine(' ', line(at));
      for (const l of c.removed) body += diffLine('-', l);
      for (const l of c.added) body += diffLine('+', l);
      oldLen += c.removed.length;
      newLen += c.added.length;
      at += c.removed.length;
    }
    for (; at < to; at++, oldLen++, newLen++) body += diffLine(' ', line(at));
    const newFrom = from + shift;
    for (let k = i; k < j; k++) shift += (changes[k] as Change).added.length - (changes[k] as Change).removed.length;
    out += `@@ -${range(from, oldLen)} +${range(newFrom, newLen)} @@\n${body}`;
    i = j;
  }
  return out;
}
