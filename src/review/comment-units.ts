// What a review says on each line, before it is written as GitHub's comments: the line
// suggestions, the reads on changed lines that the env-init block makes safe (the finding sits on
// the read; the block rides in the first such comment as a suggestion when its place is in the
// same hunk, else as a patch that says where it goes), and the contract findings on a manifest's
// lines and on the script lines that read what a manifest does not set. Overlapping ranges become
// one comment, so no two suggestions ever replace the same line. Pure.

import { lineBounds } from '../line-index.js';
import { diffHunks, withinOneHunk } from './changed-lines.js';
import type { ContractFinding } from './contract-review.js';
import { commandOf } from './contract-review.js';
import type { BlockRead, FileReview, LineSuggestion } from './review-file.js';

/** One comment's worth of review, on lines [startLine, line] of one side of a file. */
export interface CommentUnit {
  readonly path: string;
  readonly side: 'LEFT' | 'RIGHT';
  readonly startLine: number;
  readonly line: number;
  readonly suggestions: readonly LineSuggestion[];
  readonly reads: readonly BlockRead[];
  /** The env-init block is part of this comment's suggestion. */
  readonly carriesBlock: boolean;
  readonly contracts: readonly ContractFinding[];
  /** The new text of the lines (a ```suggestion body), or null when the comment suggests none. */
  readonly replacement: string | null;
}

interface Draft {
  first: number;
  last: number;
  suggestions: LineSuggestion[];
  reads: BlockRead[];
  carriesBlock: boolean;
  contracts: ContractFinding[];
}

/** Reads on consecutive lines of one hunk go in one comment. */
function groupReads(reads: readonly BlockRead[], hunks: readonly (readonly [number, number])[]): Draft[] {
  const drafts: Draft[] = [];
  for (const r of reads) {
    if (!r.inDiff) continue;
    const prev = drafts[drafts.length - 1];
    if (prev && r.line <= prev.last + 1 && withinOneHunk(hunks, prev.first, r.line)) {
      prev.last = Math.max(prev.last, r.line);
      prev.reads.push(r);
    } else
      drafts.push({ first: r.line, last: r.line, suggestions: [], reads: [r], carriesBlock: false, contracts: [] });
  }
  return drafts;
}

/** Drafts whose lines overlap become one (sorted by first line). */
function mergeOverlapping(drafts: Draft[]): Draft[] {
  drafts.sort((a, b) => a.first - b.first || a.last - b.last);
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && d.first <= prev.last) {
      prev.last = Math.max(prev.last, d.last);
      prev.suggestions.push(...d.suggestions);
      prev.reads.push(...d.reads);
      prev.contracts.push(...d.contracts);
      prev.carriesBlock ||= d.carriesBlock;
    } else out.push({ ...d, suggestions: [...d.suggestions], reads: [...d.reads], contracts: [...d.contracts] });
  }
  return out;
}

/** The new text of lines [first, last]: the block inserted or replaced, suggestions applied. */
function replacementOf(file: FileReview, d: Draft): string {
  const starts = lineBounds(file.text);
  const lineAt = (n: number): string =>
    file.text.slice(starts[n - 1] ?? file.text.length, starts[n] ?? file.text.length).replace(/\r?\n$/, '');
  const out: string[] = [];
  const block = d.carriesBlock ? file.block : null;
  let placed = false;
  for (let n = d.first; n <= d.last; ) {
    if (block && n === block.firstLine && !placed) {
      placed = true;
      out.push(block.edit.after.replace(/\r?\n$/, ''));
      if (!block.isNew) {
        n = block.lastLine + 1;
        continue;
      }
    }
    const s = d.suggestions.find((x) => x.startLine === n);
    if (s) {
      out.push(s.replacement);
      n = s.endLine + 1;
    } else out.push(lineAt(n++));
  }
  return out.join('\n');
}

/** The comments on one script of the review, and the findings on it that need a comment of their own. */
export function scriptUnits(file: FileReview, contracts: readonly ContractFinding[]): CommentUnit[] {
  const lineCount = lineBounds(file.text).length - 1;
  const hunks = file.changed ? diffHunks(file.changed, lineCount) : [];
  const drafts = groupReads(file.reads, hunks);
  const block = file.block;
  if (block?.inDiff) {
    // The first read below the block in the block's own hunk carries it: one comment from the
    // block's place down to the read. Without one, a comment at the block's place does.
    const sameHunk = (d: Draft): boolean => d.first > block.lastLine && withinOneHunk(hunks, block.firstLine, d.last);
    const carrier = drafts.find(sameHunk);
    if (carrier) {
      carrier.first = block.firstLine;
      carrier.carriesBlock = true;
    } else
      drafts.push({
        first: block.firstLine,
        last: block.lastLine,
        suggestions: [],
        reads: [],
        carriesBlock: true,
        contracts: [],
      });
  }
  for (const s of file.suggestions)
    if (s.inDiff)
      drafts.push({
        first: s.startLine,
        last: s.endLine,
        suggestions: [s],
        reads: [],
        carriesBlock: false,
        contracts: [],
      });
  for (const f of contracts) {
    for (const line of f.scriptLines) {
      if (withinOneHunk(hunks, line, line))
        drafts.push({ first: line, last: line, suggestions: [], reads: [], carriesBlock: false, contracts: [f] });
    }
  }
  return mergeOverlapping(drafts).map((d) => ({
    path: file.path,
    side: 'RIGHT',
    startLine: d.first,
    line: d.last,
    suggestions: d.suggestions,
    reads: d.reads,
    carriesBlock: d.carriesBlock,
    contracts: [...new Set(d.contracts)],
    replacement: d.carriesBlock || d.suggestions.length > 0 ? replacementOf(file, d) : null,
  }));
}

/** The comments on the manifests: one per line a finding is anchored on. */
export function manifestUnits(findings: readonly ContractFinding[]): CommentUnit[] {
  const byLine = new Map<string, CommentUnit>();
  for (const f of findings) {
    if (!f.anchor) continue;
    const key = `${f.anchor.path}\0${f.anchor.side}\0${f.anchor.line}`;
    const unit = byLine.get(key);
    if (unit) byLine.set(key, { ...unit, contracts: [...unit.contracts, f] });
    else
      byLine.set(key, {
        path: f.anchor.path,
        side: f.anchor.side,
        startLine: f.anchor.line,
        line: f.anchor.line,
        suggestions: [],
        reads: [],
        carriesBlock: false,
        contracts: [f],
        replacement: null,
      });
  }
  return [...byLine.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.side < b.side ? -1 : 1),
  );
}

/** How a finding names its place in a comment: `file:line` and what runs there. */
export function describePlace(f: ContractFinding): string {
  return `\`${f.place.file}:${f.place.line}\` (${f.place.what}) runs \`${commandOf(f.place)}\``;
}
