// One file of a pull request review: which of nounset's edits to suggest (those on lines the PR
// changed, or all with --all-lines), turned into suggestions that replace whole lines, as review
// comments do. The env-init block usually sits above the changed hunk: it is given as a patch
// for the summary instead of a line suggestion.

import type { Diagnostic, EditReport, FixResult } from '../result.js';
import { diffFromEdits } from '../report/edit-diff.js';
import { groupByLines, lineOf, lineStartsOf, outermost } from '../report/line-groups.js';
import { diffHunks, touchesChanged, withinOneHunk, type ChangedFile } from './changed-lines.js';

/** Head lines [startLine, endLine] (1-based) and what they become. */
export interface LineSuggestion {
  readonly startLine: number;
  readonly endLine: number;
  /** The new text of those lines, without the last line's line break (a suggestion block's body). */
  readonly replacement: string;
  /** The edits it makes, in order. */
  readonly edits: readonly EditReport[];
  /** Inside one hunk of the PR's diff: GitHub takes it as an inline comment (else it answers 422). */
  readonly inDiff: boolean;
}

export interface FileReview {
  /** Relative to the repository root, with `/`. */
  readonly path: string;
  /** The head version's text, which the edits' offsets and lines refer to. */
  readonly text: string;
  readonly suggestions: readonly LineSuggestion[];
  /** The env-init block edit and its unified diff, when the review keeps it. */
  readonly block: { readonly edit: EditReport; readonly patch: string } | null;
  /** Diagnostics on changed lines (all with allLines). */
  readonly diagnostics: readonly Diagnostic[];
  /** Edits (outermost) not suggested because they are not on a changed line. */
  readonly left: number;
}

interface EditSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly report: EditReport;
}

export function reviewFile(input: { path: string; text: string; result: FixResult; changed: ChangedFile; allLines: boolean }): FileReview {
  const { text, result, changed, allLines } = input;
  const starts = lineStartsOf(text);
  const lineCount = starts.length - 1;
  const endLine = (e: EditReport): number => lineOf(starts, Math.max(e.start, e.end - 1)) + 1;
  const onChanged = (first: number, last: number): boolean => allLines || touchesChanged(changed.ranges, first, last);

  const spans: EditSpan[] = result.edits.map((e) => ({ start: e.start, end: e.end, text: e.after, report: e }));
  const top = outermost(spans);
  const blockSpan = top.find((s) => s.report.kind === 'env-init-block');
  const kept = top.filter((s) => s !== blockSpan && onChanged(s.report.line, endLine(s.report)));
  const hunks = diffHunks(changed, lineCount);
  const suggestions: LineSuggestion[] = groupByLines(text, starts, kept).map((g) => {
    const replacement = g.text.endsWith('\n') ? g.text.slice(0, g.text.endsWith('\r\n') ? -2 : -1) : g.text;
    const startLine = g.first + 1;
    const lastLine = g.last + 1;
    // The reports of every edit in the group, nested ones included, in order.
    const edits = result.edits.filter((e) => g.edits.some((s) => s.start <= e.start && e.end <= s.end && e.kind !== 'env-init-block'));
    return { startLine, endLine: lastLine, replacement, edits, inDiff: withinOneHunk(hunks, startLine, lastLine) };
  });
  // The block goes with what it makes safe: kept with any other suggestion, when it is on a
  // changed line itself, or when a changed line reads one of the inputs it declares.
  const keepBlock = blockSpan !== undefined && (kept.length > 0 || onChanged(blockSpan.report.line, endLine(blockSpan.report)) || readsInputOnChangedLine(text, starts, changed, result));
  let block: FileReview['block'] = null;
  if (blockSpan && keepBlock) {
    const after = text.slice(0, blockSpan.start) + blockSpan.text + text.slice(blockSpan.end);
    const patch = diffFromEdits(input.path, text, after, [blockSpan]);
    if (patch === null) throw new Error(`${input.path}: the env-init block edit does not rebuild its own text`);
    block = { edit: blockSpan.report, patch };
  }
  const diagnostics = result.diagnostics.filter((d) => onChanged(d.line, d.line));
  const left = top.length - kept.length - (keepBlock ? 1 : 0);
  return { path: input.path, text, suggestions, block, diagnostics, left };
}

/** Whether a changed line mentions `$NAME` or `${NAME` of an input (a textual look: at worst the
 * block is shown once more than needed, in the summary). */
function readsInputOnChangedLine(text: string, starts: readonly number[], changed: ChangedFile, result: FixResult): boolean {
  if (result.inputs.length === 0) return false;
  const names = new Set(result.inputs.map((i) => i.name));
  const ref = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const [first, last] of changed.ranges) {
    const lines = text.slice(starts[first - 1] ?? text.length, starts[last] ?? text.length);
    for (const m of lines.matchAll(ref)) if (names.has(m[1] as string)) return true;
  }
  return false;
}
