// Where each edit kind and diagnostic is explained: docs/edits/<kind>.md, the diagnostics table of
// docs/how-it-works.md (an anchor per code), docs/contracts.md. One place, so every format links
// the same page; test/docs/links.test.ts checks that each page and anchor exists.

import { DIAGNOSTIC_MEANINGS, DOCS_BASE_URL, EDIT_KINDS, editKindPage } from '../report/index.js';
import type { EditKind } from '../types/index.js';

export const README_URL = `${DOCS_BASE_URL}README.md`;

/** The page (and anchor) that explains a code, relative to the repository root. */
export function docsPath(code: string): string {
  if ((EDIT_KINDS as string[]).includes(code)) return editKindPage(code as EditKind);
  if (code === 'missing-input') return 'docs/contracts.md#environment-contracts';
  return `docs/how-it-works.md#${Object.hasOwn(DIAGNOSTIC_MEANINGS, code) ? code : 'diagnostics'}`;
}

/** The published page of an edit kind, of the contracts page, or of a diagnostic code's row. */
export function docsUrl(code: string): string {
  return `${DOCS_BASE_URL}${docsPath(code)}`;
}
