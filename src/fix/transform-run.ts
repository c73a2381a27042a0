// The transforms run over one plan: their edits, each named for its transform and sorted (a
// conflict between two is a bug: EditConflictError), their findings, and each edit as the report a
// result gives. fix-script.ts runs them over the script, eval-code.ts over the code of its `eval`s.

import type { Plan } from '../analyze/index.js';
import { type Change, type Edit, type Finding, renderSpan, sortEdits, type Transform } from '../edit/index.js';
import type { EditReport, FixOptions } from '../types/index.js';

/** The sorted edits of `transforms` over `plan` and their findings; `describe` says where an offset
 * is, for a conflict's message. */
export function runTransforms(
  plan: Plan,
  transforms: readonly Transform[],
  options: Required<Pick<FixOptions, 'defaults'>>,
  describe: (offset: number) => string,
): { edits: Edit[]; findings: Finding[] } {
  const raw: Edit[] = [];
  const findings: Finding[] = [];
  for (const t of transforms) {
    const out = t.run(plan, options);
    for (const e of out.edits)
      raw.push({
        start: e.start,
        end: e.end,
        changes: e.changes,
        kind: e.kind,
        variable: e.variable,
        reason: e.reason,
        transform: t.name,
      });
    findings.push(...out.findings);
  }
  return { edits: sortEdits(raw, describe), findings };
}

/** Each edit of `text` as a report: what it replaces and with what (the edits nested in it, from
 * nestEdits' changes within it, written in), at `at`'s line and column (0 and 0 without). */
export function editReports(
  text: string,
  edits: readonly Edit[],
  within: ReadonlyMap<Edit, readonly Change[]>,
  at: ((offset: number) => { line: number; column: number }) | null,
): EditReport[] {
  // Fields written out: a spread of `at(…)` copied through V8's slow generic path (~50 ms a pass).
  return edits.map((e) => {
    const where = at === null ? null : at(e.start);
    return {
      line: where === null ? 0 : where.line,
      column: where === null ? 0 : where.column,
      variable: e.variable,
      kind: e.kind,
      before: text.slice(e.start, e.end),
      after: renderSpan(text, e.start, e.end, within.get(e) ?? []),
      reason: e.reason,
      start: e.start,
      end: e.end,
    };
  });
}
