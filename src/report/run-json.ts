// `--format json`: one document per run, described by schemas/run-result.schema.json (version 1:
// fields may be added, never removed or renamed). Returns a string; prints nothing.

import type { RunResult } from '../types/index.js';
import { countRun } from './run-summary.js';

/** The run as one JSON document, ending in a newline. `durationMs` is the run's wall time. */
export function renderRunJson(run: RunResult, durationMs: number): string {
  const c = countRun(run);
  const doc = {
    version: 1,
    files: run.files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.error !== undefined ? { error: f.error } : {}),
      edits: f.status === 'changed' ? (f.result?.edits ?? []) : [],
      inputs: f.result?.inputs ?? [],
      diagnostics: f.result?.diagnostics ?? [],
      ...(f.diff !== undefined ? { diff: f.diff } : {}),
      ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
    })),
    summary: {
      scanned: c.scripts,
      changed: c.changed,
      unchanged: c.unchanged,
      skipped: c.skipped,
      errors: c.errors,
      edits: c.edits,
      durationMs: Math.round(durationMs),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
