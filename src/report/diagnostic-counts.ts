// The closing table of a run's diagnostics, counted by code, so a reader sees every kind that was
// found, shown or not:
//
//   nounset: diagnostics by code (info not shown; --verbose shows them):
//     warning  needs-review        12
//     info     source-followed   1496
//
// Returns a string; prints nothing.

import type { RunResult, Severity } from '../types/index.js';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether a diagnostic of `severity` is shown at `level` (`warning` shows warnings and errors). */
export function isShown(severity: Severity, level: Severity): boolean {
  return ORDER.indexOf(severity) <= ORDER.indexOf(level);
}

/** Rows by severity (errors first), then code; '' for a run without diagnostics. */
export function renderDiagnosticCounts(run: RunResult, level: Severity): string {
  const counts = new Map<string, { severity: Severity; code: string; n: number }>();
  for (const f of run.files) {
    for (const d of f.result?.diagnostics ?? []) {
      const key = `${d.severity} ${d.code}`;
      const row = counts.get(key) ?? { severity: d.severity, code: d.code, n: 0 };
      row.n++;
      counts.set(key, row);
    }
  }
  if (counts.size === 0) return '';
  const rows = [...counts.values()].sort(
    (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const hidden = ORDER.filter((s) => !isShown(s, level) && rows.some((r) => r.severity === s));
  const note = hidden.length > 0 ? ` (${hidden.join(' and ')} not shown; --verbose shows them)` : '';
  const codeWidth = Math.max(...rows.map((r) => r.code.length));
  const countWidth = Math.max(...rows.map((r) => String(r.n).length));
  const lines = rows.map(
    (r) => `  ${r.severity.padEnd(7)}  ${r.code.padEnd(codeWidth)}  ${String(r.n).padStart(countWidth)}\n`,
  );
  return `nounset: diagnostics by code${note}:\n${lines.join('')}`;
}
