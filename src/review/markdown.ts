// Markdown pieces the review comments and the summary share: fenced blocks the fenced text cannot
// close, and the list of edits of a suggestion with links to their pages in docs/edits/.

import { docsUrl } from './docs-url.js';
import type { LineSuggestion } from './review-file.js';
import { describeEdit } from './review-formats.js';

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `text` in a fenced block of `kind` (`suggestion`, `diff`, `sh`). */
export function block(kind: string, text: string): string {
  const f = fence(text);
  return `${f}${kind}\n${text}\n${f}`;
}

/** One list item per edit: what it does, why, and a link to its kind's page in docs/edits/. */
export function explainEdits(s: LineSuggestion): string {
  return s.edits.map((e) => `- ${describeEdit(e)} ([${e.kind}](${docsUrl(e.kind)}))`).join('\n');
}
