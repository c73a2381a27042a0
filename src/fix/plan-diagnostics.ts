// What a plan has to tell besides its edits, as diagnostics with lines and columns: a malformed
// env-init block, lines kept where they are, and the flow analysis' notes (sourced files followed
// or not, with the names read after one that it may set).

import { listInWords, type Plan } from '../analyze/index.js';
import type { Finding } from '../edit/index.js';
import type { Diagnostic } from '../types/index.js';
import type { At } from './analyse-script.js';

/** The plan's diagnostics, in the order it found them. */
export function planDiagnostics(plan: Plan, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (plan.site.kind === 'malformed')
    out.push({
      ...at(plan.site.at),
      severity: 'error',
      code: 'env-init-block-malformed',
      message: `${plan.site.message}; fix the markers by hand, nounset leaves the file alone until then`,
    });
  for (const c of plan.file.unparsed) {
    const { reason } = c.unparsed ?? { reason: '' };
    out.push({
      ...at(c.start),
      severity: 'warning',
      code: 'backquote-syntax-error',
      message: `the backquoted command does not parse (${reason}): bash parses it only when it runs it, and then it fails with a syntax error and gives no output; nounset reads nothing in it and leaves it as it is`,
    });
  }
  // Names left alone because of each file not followed (or eval), to list with it.
  const unknownAt = new Map<number, Set<string>>();
  for (const r of plan.reads) {
    if (r.unknownAt === undefined) continue;
    const set = unknownAt.get(r.unknownAt) ?? new Set<string>();
    set.add(r.read.name);
    unknownAt.set(r.unknownAt, set);
  }
  if (
    plan.inlineBecause !== null &&
    plan.reads.some((r) => r.fix === 'default' && plan.inputs.some((i) => i.name === r.read.name))
  ) {
    const library = plan.inlineBecause === 'library';
    const why =
      plan.inlineBecause === 'configuration'
        ? 'the configuration asks for it'
        : plan.inlineBecause === 'bats'
          ? 'bats reports failures by line'
          : 'the script shows line numbers (LINENO, BASH_LINENO or caller)';
    out.push({
      line: 1,
      column: 1,
      severity: 'info',
      code: library ? 'library-inline' : 'line-numbers-kept',
      message: library
        ? 'other scripts source this file (or it only defines functions and variables): an env-init block would set its inputs in their shell too, so every input is defaulted where it is read instead'
        : `${why}: nounset moves no line, so every input is defaulted where it is read instead of in an env-init block`,
    });
  }
  for (const n of plan.notes) {
    const where = at(n.start);
    let message = n.message;
    const names =
      n.code === 'source-not-followed' || n.code === 'opaque-assignment'
        ? [...(unknownAt.get(n.start) ?? [])].sort()
        : [];
    const one = names.length === 1;
    const done =
      plan.options.sourcedUnknown === 'leave'
        ? `left alone (\`--sourced-unknown inline\` defaults ${one ? 'it' : 'them'} where ${one ? 'it is' : 'they are'} read)`
        : `defaulted where ${one ? 'it is' : 'they are'} read, which changes nothing while ${one ? 'it is' : 'they are'} set`;
    if (names.length > 0)
      message += `; ${listInWords(names, true)} ${one ? 'is' : 'are'} read after it and may be set there, so ${one ? 'it is' : 'they are'} ${done}`;
    const severity = n.code === 'source-not-followed' || n.code === 'opaque-assignment' ? 'warning' : 'info';
    out.push({ ...where, severity, code: n.code, message });
  }
  return out;
}

/** A transform's finding, placed. */
export function toDiagnostic(f: Finding, at: At): Diagnostic {
  return { ...at(f.start), severity: f.severity, code: f.code, message: f.message };
}

/** Diagnostics in the order they are shown: by line, then column. */
export const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }): number =>
  a.line - b.line || a.column - b.column;

/** The note of a file a `# nounset disable-file` comment asks nounset to leave alone: fix mode
 * leaves it as it is, inspect still shows what it finds. */
export function disabledNote(): Diagnostic {
  return {
    line: 1,
    column: 1,
    severity: 'info',
    code: 'disabled',
    message: 'a `# nounset disable-file` comment asks nounset to leave this file alone',
  };
}
