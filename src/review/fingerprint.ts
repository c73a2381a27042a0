// Fingerprints that stay the same across runs and line shifts: what a finding is (file, kind,
// variable, the text of its line) and which of identical ones, never its line number. SARIF's
// partialFingerprints and the hidden markers of review comments use them to recognise a finding
// seen before.

import { lazyBuiltin } from '../lazy-builtin.js';

const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto');

/** Counts identical keys so the n-th occurrence of the same finding in a file keeps its print. */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  /** A 16-hex-digit print of `parts` (joined unambiguously) and its occurrence number. */
  next(parts: readonly string[]): string {
    const key = parts.map((p) => `${p.length}:${p}`).join('');
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return crypto().createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 16);
  }
}

/** The text of 1-based `line` of `text`, blanks trimmed at both ends (indentation may change). */
export function lineText(text: string, starts: readonly number[], line: number): string {
  return text.slice(starts[line - 1] ?? text.length, starts[line] ?? text.length).trim();
}
