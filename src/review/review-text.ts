// `nounset pr` for a person at a terminal: each suggestion on a line, path:line first.

import type { PrRun } from '../run/run-pr.js';
import { describeEdit } from './review-formats.js';

export function renderReviewText(run: PrRun): string {
  let out = '';
  for (const f of run.files) {
    if (f.block) out += `${f.path}:${f.block.edit.line}: ${describeEdit(f.block.edit)}\n`;
    for (const s of f.suggestions) {
      for (const e of s.edits) out += `${f.path}:${e.line}:${e.column}: ${describeEdit(e)}${s.inDiff ? '' : ' (outside the diff)'}\n`;
    }
    for (const d of f.diagnostics) out += `${f.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`;
  }
  return out;
}
