// `nounset pr` for a person at a terminal: each finding on a line, path:line first.

import { type ContractReview, NO_CONTRACTS } from './contract-review.js';
import type { FileReview } from './review-file.js';
import { describeEdit } from './review-formats.js';

/** The review as lines of text; like the other formats, it takes the files and contract findings. */
export function renderReviewText(files: readonly FileReview[], contracts: ContractReview = NO_CONTRACTS): string {
  let out = '';
  for (const f of files) {
    const b = f.block;
    if (b) {
      const where = b.isNew ? `above line ${b.firstLine}` : `at lines ${b.firstLine}-${b.lastLine}`;
      if (f.reads.length === 0) out += `${f.path}:${b.edit.line}: ${describeEdit(b.edit)}\n`;
      for (const r of f.reads)
        out += `${f.path}:${r.line}:${r.column}: \`$${r.name}\` may be unset: ${r.reason} (fix: the env-init block ${where})${r.inDiff ? '' : ' (outside the diff)'}\n`;
    }
    for (const s of f.suggestions) {
      for (const e of s.edits)
        out += `${f.path}:${e.line}:${e.column}: ${describeEdit(e)}${s.inDiff ? '' : ' (outside the diff)'}\n`;
    }
    for (const d of f.diagnostics) out += `${f.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`;
  }
  for (const c of contracts.findings)
    out += `${c.location.path}:${c.location.line}: error: ${c.message} [${c.place.script}:${c.read.line}]\n`;
  return out;
}
