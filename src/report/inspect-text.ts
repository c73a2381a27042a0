// `nounset inspect` as text: one aligned row per reference, `line:col  name  verdict  text  — reason`.
// Returns a string; prints nothing.

import type { InspectResult } from '../result.js';

/** Control characters shown escaped, so one reference stays on one row. */
function oneLine(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** Rows in source order, columns padded to the widest cell; '' when there is no reference. */
export function renderInspectText(result: InspectResult): string {
  const rows = result.references.map((r) => [`${r.line}:${r.column}`, r.name, r.verdict, oneLine(r.text), oneLine(r.reason)] as const);
  const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((row) => row[i]?.length ?? 0)));
  const pad = (cell: string, i: number): string => cell.padEnd(widths[i] ?? 0);
  return rows.map((row) => `${pad(row[0], 0)}  ${pad(row[1], 1)}  ${pad(row[2], 2)}  ${pad(row[3], 3)}  — ${row[4]}\n`).join('');
}
