// A rewrite nounset finds in shell code the script builds as text (analyze/deferred-code.ts), given
// back as a warning with the text to write in the script instead: the code is parsed when the
// script runs, from values nounset does not know, so it is never an edit.

import type { CodeQuoting, DeferredCode } from '../analyze/index.js';
import { outermostEdits } from '../edit/index.js';
import type { Diagnostic, EditReport, Suggestion } from '../types/index.js';
import type { At } from './analyse-script.js';

/** What to write in the script for the rewrite of `[a, b)` of the code into `after`: the script's
 * text there and `after` written for its quoting. Null when the span holds a value of the script,
 * changes quoting within, or `after` cannot be written there. */
export function suggestionFor(
  code: DeferredCode,
  text: string,
  a: number,
  b: number,
  after: string,
): Suggestion | null {
  const q = code.quoting[a];
  if (q === undefined || q === 'value' || b <= a) return null;
  for (let i = a; i < b; i++) if (code.quoting[i] !== q) return null;
  const written = writtenAs(after, q);
  if (written === null) return null;
  const start = code.from[a] as number;
  const end = code.to[b - 1] as number;
  return { start, end, before: text.slice(start, end), after: written };
}

/** Warnings for the rewrites a fix of deferred code made, each with the text to write in the
 * script instead: the outermost edits (an edit's text already holds those inside it), not the
 * env-init block, each that `place` finds in one code (its offset there; null: left out) and that
 * can be written there. `message` says it for the read's name (or "it"). */
export function suggestionWarnings(
  edits: readonly EditReport[],
  text: string,
  at: At,
  code: Diagnostic['code'],
  place: (e: EditReport) => { code: DeferredCode; offset: number } | null,
  message: (e: EditReport, name: string, suggestion: Suggestion) => string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const i of outermostEdits(edits)) {
    const e = edits[i] as EditReport;
    const where = e.kind === 'env-init-block' ? null : place(e);
    if (where === null) continue;
    const suggestion = suggestionFor(where.code, text, where.offset, where.offset + e.end - e.start, e.after);
    if (suggestion)
      out.push({
        ...at(suggestion.start),
        severity: 'warning',
        code,
        message: message(e, e.variable ?? 'it', suggestion),
        suggestion,
      });
  }
  return out;
}

/** `after` written where `quoting` says, so that the shell gives on `after`; null when it cannot be. */
function writtenAs(after: string, quoting: Exclude<CodeQuoting, 'value'>): string | null {
  if (quoting === 'heredoc') return after.replace(/[$`\\]/g, '\\$&');
  if (quoting === 'sq') return after.includes("'") ? null : after;
  if (quoting === 'dq') return after.replace(/[$`"\\]/g, '\\$&');
  // Unquoted: each character the shell would treat as special is escaped; `{a,b}` and `{1..3}`
  // would expand, so a comma is escaped too and `..` refused.
  if (after.includes('..')) return null;
  return after.replace(/[$`"'\\\s;&|<>()*?#~,]/g, '\\$&');
}
