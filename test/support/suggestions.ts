// Applying the suggestions of warnings nounset does not turn into edits (printed code, eval code),
// as a reviewer would: each at its offsets, after checking that the text there is what it replaces.

import assert from 'node:assert/strict';
import { fixScript } from '../../src/index.js';

/** `text` with the suggestion of each of its `code` warnings applied, and how many there were. */
export function withSuggestions(text: string, code: string, path: string): { text: string; applied: number } {
  let out = text;
  const warnings = fixScript(text, { path }).diagnostics.filter((d) => d.code === code);
  for (const d of [...warnings].reverse()) {
    const s = d.suggestion;
    assert.ok(s, d.message);
    assert.equal(text.slice(s.start, s.end), s.before, `line ${d.line}: ${d.message}`);
    out = out.slice(0, s.start) + s.after + out.slice(s.end);
  }
  return { text: out, applied: warnings.length };
}
