// One file of a pull request review: which of nounset's edits to suggest (those on lines the PR
// changed, or all with --all-lines), turned into suggestions that replace whole lines, as review
// comments do. The env-init block usually sits above the changed hunk: its findings are the
// reads on changed lines that it makes safe, anchored where they are, with the block as their fix.

import { lineBounds, lineOfOffset } from '../line-index.js';
import { diffFromEdits, groupByLines, outermost } from '../report/index.js';
import type { Diagnostic, EditReport, FixResult, ReferenceReport } from '../types/index.js';
import { type ChangedFile, diffHunks, touchesChanged, withinOneHunk } from './changed-lines.js';

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

/** A read on a line the PR changed that may find its variable unset, made safe by the env-init
 * block (not by an edit where it is): the finding is anchored here, with the block as its fix. */
export interface BlockRead {
  readonly name: string;
  /** 1-based; column in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  /** 0-based UTF-16 offsets of the reference. */
  readonly start: number;
  readonly end: number;
  /** Why it may be unset, in nounset's words. */
  readonly reason: string;
  /** Inside one hunk of the PR's diff: an inline comment may go on it. */
  readonly inDiff: boolean;
}

/** The env-init block edit, its unified diff, and where it goes. */
export interface BlockFix {
  readonly edit: EditReport;
  readonly patch: string;
  /** Head lines [firstLine, lastLine] it replaces (an existing block), or, for a new block,
   * firstLine = lastLine = the line it goes above. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** A new block rather than one already in the script. */
  readonly isNew: boolean;
  /** Its place lies inside one hunk of the PR's diff, so a suggestion can carry it. */
  readonly inDiff: boolean;
}

export interface FileReview {
  /** Relative to the repository root, with `/`. */
  readonly path: string;
  /** The head version's text, which the edits' offsets and lines refer to. */
  readonly text: string;
  readonly suggestions: readonly LineSuggestion[];
  /** The env-init block edit and its unified diff, when the review keeps it. */
  readonly block: BlockFix | null;
  /** Reads on changed lines (all lines with allLines) that the block makes safe, in order. */
  readonly reads: readonly BlockRead[];
  /** Diagnostics on changed lines (all with allLines). */
  readonly diagnostics: readonly Diagnostic[];
  /** Edits (outermost) not suggested because they are not on a changed line. */
  readonly left: number;
  /** The PR's changed lines of the file, as the diff gives them. */
  readonly changed?: ChangedFile;
}

interface EditSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly report: EditReport;
}

export interface ReviewFileInput {
  readonly path: string;
  readonly text: string;
  readonly result: FixResult;
  readonly changed: ChangedFile;
  readonly allLines: boolean;
  /** nounset's verdict on every reference (inspectScript): which reads the block makes safe. */
  readonly references?: readonly ReferenceReport[];
}

export function reviewFile(input: ReviewFileInput): FileReview {
  const { text, result, changed, allLines } = input;
  const starts = lineBounds(text);
  const lineCount = starts.length - 1;
  const endLine = (e: EditReport): number => lineOfOffset(starts, Math.max(e.start, e.end - 1)) + 1;
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
    const edits = result.edits.filter((e) =>
      g.edits.some((s) => s.start <= e.start && e.end <= s.end && e.kind !== 'env-init-block'),
    );
    return { startLine, endLine: lastLine, replacement, edits, inDiff: withinOneHunk(hunks, startLine, lastLine) };
  });
  const reads =
    blockSpan && input.references
      ? blockReads({
          text,
          block: blockSpan,
          edits: spans,
          references: input.references,
          onChanged,
          inDiff: (line) => withinOneHunk(hunks, line, line),
        })
      : [];
  // The block goes with what it makes safe: kept with any other suggestion, when it is on a
  // changed line itself, or when a changed line reads one of the inputs it declares.
  const readsInput = input.references ? reads.length > 0 : readsInputOnChangedLine(text, starts, changed, result);
  const keepBlock =
    blockSpan !== undefined &&
    (kept.length > 0 || onChanged(blockSpan.report.line, endLine(blockSpan.report)) || readsInput);
  let block: BlockFix | null = null;
  if (blockSpan && keepBlock) {
    const after = text.slice(0, blockSpan.start) + blockSpan.text + text.slice(blockSpan.end);
    const patch = diffFromEdits(input.path, text, after, [blockSpan]);
    if (patch === null) throw new Error(`${input.path}: the env-init block edit does not rebuild its own text`);
    const isNew = blockSpan.start === blockSpan.end;
    const firstLine = lineOfOffset(starts, blockSpan.start) + 1;
    const lastLine = isNew ? firstLine : endLine(blockSpan.report);
    // A new block at the very end has no line below it for a suggestion to replace.
    const inDiff = blockSpan.start < text.length && withinOneHunk(hunks, firstLine, lastLine);
    block = { edit: blockSpan.report, patch, firstLine, lastLine, isNew, inDiff };
  }
  const diagnostics = result.diagnostics.filter((d) => onChanged(d.line, d.line));
  const left = top.length - kept.length - (keepBlock ? 1 : 0);
  return { path: input.path, text, suggestions, block, reads: block ? reads : [], diagnostics, left, changed };
}

/** Names a block text declares, with a default or as required. */
function declaredNames(blockText: string): Set<string> {
  const names = new Set<string>();
  for (const m of blockText.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)="\$\{\1:-|^: "\$\{([A-Za-z_][A-Za-z0-9_]*):\?/gm))
    names.add((m[1] ?? m[2]) as string);
  return names;
}

/** The unsafe reads with no edit of their own whose name the block edit adds: the block is their fix. */
function blockReads(input: {
  text: string;
  block: EditSpan;
  edits: readonly EditSpan[];
  references: readonly ReferenceReport[];
  onChanged: (first: number, last: number) => boolean;
  inDiff: (line: number) => boolean;
}): BlockRead[] {
  const { block } = input;
  const before = declaredNames(input.text.slice(block.start, block.end));
  const added = [...declaredNames(block.text)].filter((n) => !before.has(n));
  if (added.length === 0) return [];
  const names = new Set(added);
  const edited = (r: ReferenceReport): boolean =>
    input.edits.some((e) => e !== block && e.start <= r.start && r.end <= e.end);
  return input.references
    .filter(
      (r) =>
        r.verdict === 'unsafe' &&
        names.has(r.name) &&
        r.start >= block.end &&
        !edited(r) &&
        input.onChanged(r.line, r.line),
    )
    .map((r) => ({
      name: r.name,
      line: r.line,
      column: r.column,
      start: r.start,
      end: r.end,
      reason: r.reason,
      inDiff: input.inDiff(r.line),
    }));
}

/** Whether a changed line mentions `$NAME` or `${NAME` of an input (a textual look, for callers
 * without the references: at worst the block is shown once more than needed, in the summary). */
function readsInputOnChangedLine(
  text: string,
  starts: readonly number[],
  changed: ChangedFile,
  result: FixResult,
): boolean {
  if (result.inputs.length === 0) return false;
  const names = new Set(result.inputs.map((i) => i.name));
  const ref = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const [first, last] of changed.ranges) {
    const lines = text.slice(starts[first - 1] ?? text.length, starts[last] ?? text.length);
    for (const m of lines.matchAll(ref)) if (names.has(m[1] as string)) return true;
  }
  return false;
}
