// Where each edit kind and diagnostic is explained: README.md's anchors (#default-empty, ...).
// One place, so every format links the same page.

import { EDIT_KINDS } from '../report/explain.js';

export const README_URL = 'https://github.com/nounset/nounset/blob/main/README.md';

/** The README anchor of an edit kind (each has its own), of the contracts section, or of the diagnostics table. */
export function docsUrl(code: string): string {
  if (code === 'missing-input') return `${README_URL}#environment-contracts`;
  return `${README_URL}#${(EDIT_KINDS as string[]).includes(code) ? code : 'diagnostics'}`;
}
