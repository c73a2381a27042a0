// `nounset inspect` as text: one aligned row per reference, `line:col  name  verdict  text  set -u  — reason`.
// Returns a string; prints nothing.

import type { InspectResult } from '../types/index.js';

/** Whether set -u is on where the reference runs. */
const NOUNSET = { on: 'set -u', off: 'no set -u', unknown: 'set -u ?', none: '' } as const;

/** Control characters shown escaped, so one reference stays on one row. */
function oneLine(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** Rows in source order, columns padded to the widest cell; '' when there is no reference. */
export function renderInspectText(result: InspectResult): string {
  const rows = result.references.map(
    (r) =>
      [
        `${r.line}:${r.column}`,
        r.name,
        r.verdict,
        oneLine(r.text),
        NOUNSET[r.nounset ?? 'none'],
        oneLine(r.reason),
      ] as const,
  );
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(0, ...rows.map((row) => row[i]?.length ?? 0)));
  const pad = (cell: string, i: number): string => cell.padEnd(widths[i] ?? 0);
  return rows
    .map(
      (row) =>
        `${pad(row[0], 0)}  ${pad(row[1], 1)}  ${pad(row[2], 2)}  ${pad(row[3], 3)}  ${pad(row[4], 4)}  — ${row[5]}\n`,
    )
    .join('');
}
