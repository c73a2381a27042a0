// Shell code this script builds as text for a shell to parse later: a here-document it prints
// (printed-code.ts) or the arguments of an `eval` (eval-code.ts). The code is read as that shell
// will get it, each character with where in the script it comes from and how it is quoted there,
// so that a rewrite nounset finds in the code can be given back as text to write in the script.

import { outermostEdits } from '../edit/index.js';
import type { Diagnostic, EditReport, Suggestion } from '../types/index.js';
import type { At } from './analyse-script.js';

/** How a character of the code is written in the script: in a here-document body, unquoted, in
 * double or single quotes, or not at all (a value the script expands, a space between arguments). */
export type Quoting = 'heredoc' | 'none' | 'dq' | 'sq' | 'value';

/** The code, and for each of its characters where in the script it comes from, as a start and an
 * end (-1 for a value; an escaped character comes from its backslash and itself), and its quoting. */
export interface DeferredCode {
  text: string;
  readonly from: number[];
  readonly to: number[];
  readonly quoting: Quoting[];
  /** Whether a backslash-escaped `$` is in it: a `$` this script leaves for the code. */
  escapedDollar: boolean;
}

/** Stands for a value this script expands into the code: a plain word, so the code around it
 * parses as it would with any simple value. */
const PLACEHOLDER = 'nounsetValue';

/** Characters `\` escapes, besides a newline (which it removes), where it does not escape any. */
const ESCAPES: Readonly<Record<'heredoc' | 'dq', ReadonlySet<string>>> = {
  heredoc: new Set(['$', '`', '\\']),
  dq: new Set(['$', '`', '"', '\\']),
};

export function emptyCode(): DeferredCode {
  return { text: '', from: [], to: [], quoting: [], escapedDollar: false };
}

export function pushChar(out: DeferredCode, c: string, from: number, to: number, quoting: Quoting): void {
  out.text += c;
  out.from.push(from);
  out.to.push(to);
  out.quoting.push(quoting);
}

/** Appends the characters of `[start, end)` of `text` as the shell gives them on: a backslash
 * escapes any character unquoted, only some in a here-document body or double quotes. */
export function pushLiteral(
  out: DeferredCode,
  text: string,
  start: number,
  end: number,
  quoting: 'heredoc' | 'none' | 'dq',
): void {
  for (let i = start; i < end; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (
      c === '\\' &&
      i + 1 < end &&
      next !== undefined &&
      (quoting === 'none' || next === '\n' || ESCAPES[quoting].has(next))
    ) {
      if (next === '$') out.escapedDollar = true;
      if (next !== '\n') pushChar(out, next, i, i + 2, quoting);
      i++;
      continue;
    }
    pushChar(out, c, i, i + 1, quoting);
  }
}

/** Appends a value this script expands there. */
export function pushValue(out: DeferredCode): void {
  for (const c of PLACEHOLDER) pushChar(out, c, -1, -1, 'value');
}

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
function writtenAs(after: string, quoting: Exclude<Quoting, 'value'>): string | null {
  if (quoting === 'heredoc') return after.replace(/[$`\\]/g, '\\$&');
  if (quoting === 'sq') return after.includes("'") ? null : after;
  if (quoting === 'dq') return after.replace(/[$`"\\]/g, '\\$&');
  // Unquoted: each character the shell would treat as special is escaped; `{a,b}` and `{1..3}`
  // would expand, so a comma is escaped too and `..` refused.
  if (after.includes('..')) return null;
  return after.replace(/[$`"'\\\s;&|<>()*?#~,]/g, '\\$&');
}
