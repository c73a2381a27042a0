// The properties of one fix that need no shell and no oracle: no unsafe-edit, bytes outside the
// edits unchanged, idempotence (fixing the output changes nothing).
import { fixScript } from '../../src/index.js';
import type { Dialect } from '../gen/grammar.js';
import { editSpans } from '../safety/edit-spans.js';

/** What is wrong with fixing `program` in either style; empty when nothing is. */
export function fixProblems(program: string, dialect: Dialect): { problems: string[]; outputs: string[] } {
  const problems: string[] = [];
  const outputs: string[] = [];
  for (const style of ['block', 'inline'] as const) {
    const r = fixScript(program, { dialect, style });
    for (const d of r.diagnostics.filter((x) => x.code === 'unsafe-edit'))
      problems.push(`${style}: unsafe-edit: ${d.message}`);
    if (!r.changed) continue;
    outputs.push(r.output);
    const spans = editSpans(program, r.output, r.edits);
    if (!spans.ok) problems.push(`${style}: ${spans.problem}`);
    const again = fixScript(r.output, { dialect, style });
    if (again.changed || again.edits.length > 0)
      problems.push(`${style}: not a fixed point: fixing the output again makes ${again.edits.length} edit(s)`);
  }
  return { problems, outputs };
}
