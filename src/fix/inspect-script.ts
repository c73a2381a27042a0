// Every parameter reference of a script with nounset's verdict on it and why (`nounset inspect`,
// and what the environment contract counts). Pure; never edits.

import { isFileDisabled, type Plan } from '../analyze/index.js';
import type { FixOptions, InspectResult, ReferenceReport } from '../types/index.js';
import { analyseScript, type ScriptAnalysis } from './analyse-script.js';
import { byPosition, disabledNote, planDiagnostics } from './plan-diagnostics.js';

/** Every parameter reference in a script with nounset's verdict on it and why; never edits. */
export function inspectScript(text: string, options: FixOptions = {}): InspectResult {
  return inspectAnalysis(text, analyseScript(text, options));
}

/** inspectScript's answer from an analysis of `text` already made. */
export function inspectAnalysis(text: string, parsed: ScriptAnalysis): InspectResult {
  if (parsed.kind === 'skip')
    return { dialect: parsed.dialect, references: [], inputs: [], diagnostics: [parsed.diagnostic] };
  const { plan, at } = parsed;
  const references: ReferenceReport[] = plan.reads.map((p) => ({
    start: p.read.start,
    end: p.read.end,
    ...at(p.read.start),
    name: p.read.name,
    text: text.slice(p.read.start, p.read.end),
    form: p.read.form,
    context: describeContext(p.read),
    verdict: p.verdict,
    reason: p.reason,
    ...nounsetField(plan.nounsetOf(p.read)),
  }));
  references.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    dialect: parsed.dialect,
    references,
    inputs: plan.inputs,
    // A disabled file is still inspected; the note says a fix run leaves it alone.
    diagnostics: [...(isFileDisabled(parsed.file) ? [disabledNote()] : []), ...planDiagnostics(plan, at)].sort(
      byPosition,
    ),
  };
}

function nounsetField(state: 'on' | 'off' | 'unknown' | undefined): { nounset?: 'on' | 'off' | 'unknown' } {
  return state === undefined ? {} : { nounset: state };
}

function describeContext(read: Plan['reads'][number]['read']): string {
  const parts: string[] = [read.place];
  if (read.quoting === 'double') parts.push('double-quoted');
  if (read.arith && read.place !== 'arithmetic') parts.push('arithmetic');
  if (read.destructive) parts.push(`destructive: ${read.destructive.command}`);
  return parts.join(', ');
}
